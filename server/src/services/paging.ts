import { AppError } from "@xueji/shared";
import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import { z } from "zod";

/**
 * One pagination for every list the API returns: an opaque cursor and `nextCursor` (keyset paging,
 * so a page is as fast at row 100,000 as at row 1 and a row inserted meanwhile neither repeats nor
 * skips one). Nothing is cut at a fixed limit: a caller follows `nextCursor` until it is null.
 */
export const MAX_PAGE = 200;
export const DEFAULT_PAGE = 50;

/** Merge into a list procedure's input: `z.object({...}).merge(pageInput)` or `pageInput.extend({...})`. */
export const pageInput = z.object({
  cursor: z.string().max(1000).optional(),
  limit: z.number().int().min(1).max(MAX_PAGE).default(DEFAULT_PAGE),
});
export interface PageOptions {
  cursor?: string | undefined;
  limit: number;
}

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** The zod shape of a page of `item`, for `.output()`. */
export function pageOutput<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** A PostgreSQL type a key is cast back to when it is compared (its text form comes from the cursor). */
type KeyType = "int8" | "text" | "uuid" | "date" | "timestamptz";

/** One column of a sort key. Every column of a key sorts the same way; the last one is unique (the id). */
export interface KeyPart {
  expr: AnyColumn | SQL;
  type: KeyType;
}

export interface Keyset {
  /** Distinguishes sorts, so that a cursor of one sort is refused by another. */
  name: string;
  parts: readonly KeyPart[];
  direction: "asc" | "desc";
}

const cursorShape = z.object({ s: z.string(), k: z.array(z.string()).min(1) });

function badCursor(): AppError {
  return new AppError("input.invalid", { problem: "cursor" });
}

/** A calendar date that exists (2026-02-30 does not). */
function realDate(text: string): boolean {
  const t = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === text;
}

function validText(type: KeyType, v: string): boolean {
  switch (type) {
    case "int8":
      return /^-?\d{1,18}$/.test(v);
    case "uuid":
      return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
    case "date":
      return /^\d{4}-\d{2}-\d{2}$/.test(v) && realDate(v);
    case "timestamptz": {
      const m = /^(\d{4}-\d{2}-\d{2})[ T]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/.exec(v);
      return m !== null && realDate(m[1] as string);
    }
    case "text":
      return !v.includes("\u0000");
  }
}

function decode(keyset: Keyset, cursor: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw badCursor();
  }
  const checked = cursorShape.safeParse(parsed);
  if (!checked.success || checked.data.s !== keyset.name || checked.data.k.length !== keyset.parts.length) throw badCursor();
  const values = checked.data.k;
  // A value the cast refuses would be a 500 from the database: check the text form of each part here.
  for (const [i, part] of keyset.parts.entries()) if (!validText(part.type, values[i] as string)) throw badCursor();
  return values;
}

/** The text form of a key part, selected with each row so that the cursor keeps full precision (microseconds). */
export function keyText(part: KeyPart): SQL<string> {
  return sql<string>`(${part.expr})::text`;
}

/** The condition "after the cursor" in the keyset's order, or undefined on the first page. */
export function afterCursor(keyset: Keyset, cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const values = decode(keyset, cursor);
  const left = sql.join(
    keyset.parts.map((p) => sql`${p.expr}`),
    sql`, `,
  );
  const right = sql.join(
    keyset.parts.map((p, i) => sql`cast(${values[i]} as ${sql.raw(p.type)})`),
    sql`, `,
  );
  return keyset.direction === "asc" ? sql`(${left}) > (${right})` : sql`(${left}) < (${right})`;
}

/** ORDER BY for the keyset. */
export function keysetOrder(keyset: Keyset): SQL[] {
  return keyset.parts.map((p) => (keyset.direction === "asc" ? sql`${p.expr} asc` : sql`${p.expr} desc`));
}

/** The selected key columns, to spread into a select as `{ ...keyColumns(keyset) }`. */
export function keyColumns(keyset: Keyset): Record<`key${number}`, SQL<string>> {
  return Object.fromEntries(keyset.parts.map((p, i) => [`key${i}`, keyText(p)]));
}

/**
 * Turns rows fetched with `limit + 1` into a page: the extra row only says there is more. `item`
 * removes the key columns (and shapes the row).
 */
export function toPage<R extends Record<string, unknown>, T>(keyset: Keyset, rows: R[], limit: number, item: (row: R) => T): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept.at(-1);
  const nextCursor =
    more && last
      ? Buffer.from(JSON.stringify({ s: keyset.name, k: keyset.parts.map((_, i) => String(last[`key${i}`])) })).toString("base64url")
      : null;
  return { items: kept.map(item), nextCursor };
}

/** Drops the `key0…keyN` columns of a row fetched with `keyColumns`. */
export function withoutKeys<R extends Record<string, unknown>>(row: R): Omit<R, `key${number}`> {
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!/^key\d+$/.test(k)) copy[k] = v;
  return copy as Omit<R, `key${number}`>;
}

/**
 * Paging of a list computed in memory (a plan, not a table), in one unique text key's order: the same
 * opaque cursor, named by `list`, holding the last key shown. Undefined on the first page.
 */
export function decodeListCursor(list: string, cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  return decode({ name: list, parts: [{ expr: sql``, type: "text" }], direction: "asc" }, cursor)[0];
}

/** The first `limit` items (already after the cursor) and the cursor after them. */
export function listPage<T>(list: string, items: readonly T[], limit: number, key: (item: T) => string): Page<T> {
  const kept = items.slice(0, limit);
  const last = kept.at(-1);
  const nextCursor =
    items.length > limit && last !== undefined ? Buffer.from(JSON.stringify({ s: list, k: [key(last)] })).toString("base64url") : null;
  return { items: kept, nextCursor };
}
