import { type Cell, cellText, columnLetter, type GridRow } from "../cell";
import { matchKey } from "../text/normalise";
import type { FieldKey } from "./fields";
import type { SheetKind, SheetTemplate } from "./templates";

/** How many rows from the top may hold titles before the header (docs/domain.md §4: title rows). */
export const HEADER_SEARCH_ROWS = 20;

/**
 * Header cells as typed: “*学号”, “身份证号（18位）”, “姓 名”, “出生日期:”, “学号\n(必填)”.
 * Returns the forms to try, most specific first.
 */
export function headerKeys(text: string): string[] {
  const base = matchKey(text)
    .replace(/^[*※#]+/, "")
    .replace(/[:：*]+$/, "");
  const bare = base.replace(/[(（[【].*?[)）\]】]/g, "").replace(/必填|选填/g, "");
  return bare && bare !== base ? [base, bare] : [base];
}

export type HeaderIndex = Map<string, FieldKey>;

/** Every spelling of every column of the given templates, mapped to its field. */
export function buildHeaderIndex(templates: readonly SheetTemplate[]): HeaderIndex {
  const index: HeaderIndex = new Map();
  for (const template of templates) {
    for (const column of template.columns) {
      for (const spelling of [column.header, ...column.synonyms]) {
        const key = matchKey(spelling);
        if (!index.has(key)) index.set(key, column.field);
      }
    }
  }
  return index;
}

export function fieldOfHeader(cell: Cell | null | undefined, index: HeaderIndex): FieldKey | null {
  const text = cellText(cell);
  if (!text) return null;
  for (const key of headerKeys(text)) {
    const field = index.get(key);
    if (field) return field;
  }
  return null;
}

export interface MappedColumn {
  field: FieldKey;
  header: string;
  /** 0-based index into the row's cells. */
  index: number;
  column: string;
}

export interface DuplicateColumn extends MappedColumn {
  firstColumn: string;
}

export function mapHeaderRow(row: GridRow, index: HeaderIndex): { columns: MappedColumn[]; duplicates: DuplicateColumn[] } {
  const columns: MappedColumn[] = [];
  const duplicates: DuplicateColumn[] = [];
  row.cells.forEach((cell, i) => {
    const field = fieldOfHeader(cell, index);
    if (!field) return;
    const mapped = { field, header: cellText(cell).trim(), index: i, column: columnLetter(i) };
    const first = columns.find((c) => c.field === field);
    if (first) duplicates.push({ ...mapped, firstColumn: first.column });
    else columns.push(mapped);
  });
  return { columns, duplicates };
}

/** The header is the row among the first rows that names the most known fields (at least two). */
export function findHeaderRow(rows: readonly GridRow[], index: HeaderIndex): GridRow | null {
  let best: GridRow | null = null;
  let bestCount = 1;
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const fields = new Set(row.cells.map((c) => fieldOfHeader(c, index)).filter((f) => f !== null));
    if (fields.size > bestCount) {
      best = row;
      bestCount = fields.size;
    }
  }
  return best;
}

/**
 * Which sheet this is: the template whose required columns the header covers best, helped by
 * the title row (“2026级新生学籍电子注册信息核对表”) when there is one.
 */
export function decideKind(templates: readonly SheetTemplate[], fields: ReadonlySet<FieldKey>, titleText: string): SheetKind | null {
  let best: SheetKind | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  const title = matchKey(titleText);
  for (const template of templates) {
    let score = 0;
    for (const column of template.columns) {
      if (fields.has(column.field)) score += column.required ? 3 : 1;
      else if (column.required) score -= 4;
    }
    for (const field of fields) if (!template.columns.some((c) => c.field === field)) score -= 1;
    // The title (or the worksheet's name) is the registrar's own name for the sheet: it outweighs a few missing columns.
    for (const word of template.titleKeywords) if (title.includes(matchKey(word))) score += 15;
    if (narrowestFit(template, templates, fields)) score += 20;
    if (score > bestScore) {
      best = template.kind;
      bestScore = score;
    }
  }
  return best;
}

function complete(template: SheetTemplate, fields: ReadonlySet<FieldKey>): boolean {
  return template.columns.every((c) => !c.required || fields.has(c.field));
}

/**
 * The columns only one kind has decide before the count of shared columns does: the returning roster's
 * columns are all allowed on the new-student roster too, so a header with 注册状态 and none of the
 * new roster's own columns (考生号, 学制, 入学日期 …) is the returning roster, however many of the
 * new roster's required columns (民族, 层次) it also has. True when `template` has every required
 * column and a wider template that also has them is left without any of its own.
 */
function narrowestFit(template: SheetTemplate, templates: readonly SheetTemplate[], fields: ReadonlySet<FieldKey>): boolean {
  if (!complete(template, fields)) return false;
  const own = new Set(template.columns.map((c) => c.field));
  return templates.some((wider) => {
    if (wider === template || !complete(wider, fields)) return false;
    const theirs = new Set(wider.columns.map((c) => c.field));
    if (theirs.size <= own.size || [...own].some((f) => !theirs.has(f))) return false;
    return [...theirs].every((f) => own.has(f) || !fields.has(f));
  });
}
