import { cellText, type GridRow } from "../cell";
import { FIELD_KEYS, type FieldKey } from "./fields";
import type { DuplicateColumn, MappedColumn } from "./header";

/**
 * The secretary's own word on what a column holds, by column letter: a field, or null for
 * "do not check this column". It wins over the reader's guess from the header (a column headed
 * “号码” that holds ID numbers, a “出生年月” that in this sheet means something else).
 */
export type ColumnOverride = Readonly<Record<string, FieldKey | null>>;

/** Excel's last column is XFD (16,384 columns). */
export const MAX_OVERRIDE_COLUMN = 16_384;

export type ColumnOverrideProblem = "column-letter" | "column-field" | "column-duplicate";

function letterIndex(letter: string): number {
  let n = 0;
  for (const ch of letter) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * What is wrong with an override as sent, per column letter: not a column letter (or past
 * `maxColumns`), not a field the reader knows, or a field given to two columns. Empty when it can be used.
 */
export function columnOverrideProblems(
  override: Readonly<Record<string, unknown>>,
  maxColumns = MAX_OVERRIDE_COLUMN,
): Array<{ column: string; problem: ColumnOverrideProblem }> {
  const problems: Array<{ column: string; problem: ColumnOverrideProblem }> = [];
  const seen = new Set<string>();
  for (const [column, field] of Object.entries(override)) {
    if (!/^[A-Z]{1,3}$/.test(column) || letterIndex(column) >= maxColumns) problems.push({ column, problem: "column-letter" });
    else if (field !== null && !(typeof field === "string" && (FIELD_KEYS as readonly string[]).includes(field))) {
      problems.push({ column, problem: "column-field" });
    } else if (typeof field === "string") {
      if (seen.has(field)) problems.push({ column, problem: "column-duplicate" });
      seen.add(field);
    }
  }
  return problems;
}

/**
 * The header's mapping with the override applied. A column the secretary named holds her field;
 * a column she set to null is not read; a column she left alone keeps the reader's guess unless
 * she gave its field to another column (her choice moves the field, it does not make a duplicate).
 */
export function applyColumnOverride(
  header: GridRow,
  mapped: { columns: readonly MappedColumn[]; duplicates: readonly DuplicateColumn[] },
  override: ColumnOverride,
): { columns: MappedColumn[]; duplicates: DuplicateColumn[] } {
  const chosen = new Set(Object.values(override).filter((f): f is FieldKey => f !== null));
  const columns: MappedColumn[] = Object.entries(override).flatMap(([column, field]) => {
    if (field === null) return [];
    const index = letterIndex(column);
    return [{ field, header: cellText(header.cells[index]).trim(), index, column }];
  });
  const untouched = [...mapped.columns, ...mapped.duplicates.map(({ firstColumn: _, ...c }) => c)]
    .filter((c) => !Object.hasOwn(override, c.column) && !chosen.has(c.field))
    .sort((a, b) => a.index - b.index);
  const duplicates: DuplicateColumn[] = [];
  for (const c of untouched) {
    const first = columns.find((x) => x.field === c.field);
    if (first) duplicates.push({ ...c, firstColumn: first.column });
    else columns.push(c);
  }
  return { columns: columns.sort((a, b) => a.index - b.index), duplicates };
}
