import { type Cell, cellText, columnLetter, type GridRow, isBlankCell } from "../cell";
import { type FieldIssue, fieldIssue, type Issue } from "../issues";
import { dataEndingText } from "../sheets/data-end";
import type { FieldKey } from "../sheets/fields";
import { HEADER_SEARCH_ROWS, headerKeys } from "../sheets/header";
import { readField } from "../sheets/read-field";
import { crossCheckRow } from "../sheets/row-rules";
import { displayValue, type RowValues } from "../sheets/values";
import { matchKey } from "../text/normalise";
import { IMPORT_TEMPLATES, type ImportColumn, type ImportColumnKey, type ImportKind } from "./import-kinds";

export type ImportValues = RowValues & { username?: string; role?: string };

export interface ImportRow {
  row: number;
  values: ImportValues;
  /** Column letter of each field the file has, to place record checks at the cell. */
  issues: Issue[];
}

export interface ImportColumnAt {
  key: ImportColumnKey;
  header: string;
  column: string;
  index: number;
}

export interface ImportReadResult {
  headerRow: number | null;
  columns: ImportColumnAt[];
  /** Problems of the file as a whole (no header, a missing column). */
  issues: Issue[];
  dataRows: number;
  /** The totals or signature row that ended the data, as the check sheets end theirs (shared/src/sheets/data-end.ts). */
  dataEnd: { row: number; lastDataRow: number | null; text: string } | null;
}

/**
 * Reads a sheet of the record row by row with the check sheets' own parts (header search past
 * titles, header synonyms, the field parsers and the ID cross-checks of shared/src/sheets): "the
 * check-sheet pipeline with a different ending". Rows are handed to `onRow` as they are read, so a
 * file of two million results streams through; only the unique keys are remembered.
 */
export function createImportReader(options: {
  kind: ImportKind;
  today: string;
  onRow: (row: ImportRow) => void;
  /** Called once the header is found, before the first row. */
  onHeader?: (columns: ImportColumnAt[]) => void;
}) {
  const template = IMPORT_TEMPLATES[options.kind];
  const index = new Map<string, ImportColumn>();
  for (const column of template.columns)
    for (const spelling of [column.header, ...column.synonyms]) if (!index.has(matchKey(spelling))) index.set(matchKey(spelling), column);
  const pending: GridRow[] = [];
  const fileIssues: Issue[] = [];
  const seen = template.uniqueKeys.map(() => new Map<string, number>());
  const columns: ImportColumnAt[] = [];
  let headerRow: number | null = null;
  let failed = false;
  let dataRows = 0;
  let lastDataRow: number | null = null;
  let dataEnd: ImportReadResult["dataEnd"] = null;

  const columnOf = (cell: Cell | null | undefined): ImportColumn | null => {
    const text = cellText(cell);
    if (!text) return null;
    for (const key of headerKeys(text)) {
      const found = index.get(key);
      if (found) return found;
    }
    return null;
  };

  function start(header: GridRow): void {
    headerRow = header.row;
    header.cells.forEach((cell, i) => {
      const column = columnOf(cell);
      if (column && !columns.some((c) => c.key === column.key))
        columns.push({ key: column.key, header: cellText(cell).trim(), column: columnLetter(i), index: i });
    });
    for (const column of template.columns) {
      if (column.required && !columns.some((c) => c.key === column.key))
        fileIssues.push({ ...fieldIssue("import.missing-column", { header: column.header }), row: header.row, column: null, field: null });
    }
    options.onHeader?.(columns);
  }

  function parse(row: GridRow): void {
    if (dataEnd || row.cells.every(isBlankCell)) return;
    // A 合计 / 总计 / 填表人 / 审核人 row under the data is not a student: it and everything below are not read.
    const ending = dataEndingText(
      row.cells,
      columns.filter((c) => c.key === "studentNo" || c.key === "idNumber").map((c) => c.index),
    );
    if (ending !== null) {
      dataEnd = { row: row.row, lastDataRow, text: ending };
      fileIssues.push({
        ...fieldIssue("sheet.data-ended", { row: row.row, last: lastDataRow ?? headerRow ?? row.row, text: ending }),
        row: row.row,
        column: null,
        field: null,
      });
      return;
    }
    // Printed sheets repeat the header on every page.
    if (columns.filter((c) => cellText(row.cells[c.index]).trim() === c.header).length >= Math.max(2, Math.ceil(columns.length / 2)))
      return;
    const values: Record<string, unknown> = {};
    const issues: Issue[] = [];
    const place = (at: ImportColumnAt | null, found: FieldIssue) =>
      issues.push({ ...found, row: row.row, column: at?.column ?? null, field: at?.key ?? null });
    // The row's 证件类型, as the sheets read it: a 回乡证 or a passport number is checked by its own format.
    const documentColumn = columns.find((c) => c.key === "idType");
    const context = { today: options.today, documentType: documentColumn ? cellText(row.cells[documentColumn.index]) : null };
    for (const at of columns) {
      const spec = template.columns.find((c) => c.key === at.key) as ImportColumn;
      const cell = row.cells[at.index];
      if (isBlankCell(cell)) {
        if (spec.required) place(at, fieldIssue("field.required", { label: labelOf(at.key) }));
        continue;
      }
      if (cell?.type === "error") {
        place(at, fieldIssue("field.error-value", { label: labelOf(at.key), value: cellText(cell) }));
        continue;
      }
      const result = readField(cell as Cell, labelOf(at.key) as FieldKey, spec.parser, context);
      // Warnings that the parser normalised something (full-width, spaces) are the file's business, not the record's.
      for (const found of result.issues) if (found.severity === "error") place(at, found);
      if (result.value !== null) values[at.key] = result.value;
    }
    const typed = values as ImportValues;
    const at = (key: string) => columns.find((c) => c.key === key) ?? null;
    for (const found of crossCheckRow(typed, "roster-new")) if (found.issue.severity === "error") place(at(found.field), found.issue);
    template.uniqueKeys.forEach((keys, i) => {
      const parts = keys.map((k) => displayValue((typed as RowValues)[k as FieldKey]));
      if (!parts[0]) return;
      const key = parts.join("\u0001");
      const first = (seen[i] as Map<string, number>).get(key);
      if (first === undefined) (seen[i] as Map<string, number>).set(key, row.row);
      else
        place(
          at(keys[0] as string),
          fieldIssue("row.duplicate", { label: labelOf(keys[0] as string), value: parts.join(" "), firstRow: first }),
        );
    });
    dataRows++;
    lastDataRow = row.row;
    options.onRow({ row: row.row, values: typed, issues });
  }

  return {
    push(row: GridRow) {
      if (headerRow !== null) return parse(row);
      if (failed) return;
      pending.push(row);
      if (pending.length >= HEADER_SEARCH_ROWS) this.flushHeader();
    },
    flushHeader(): void {
      if (headerRow !== null || failed) return;
      // The header is the row among the first that names the most known columns (at least two).
      let best: GridRow | null = null;
      let bestCount = 1;
      for (const row of pending) {
        const count = new Set(row.cells.map(columnOf).filter((c) => c !== null)).size;
        if (count > bestCount) {
          best = row;
          bestCount = count;
        }
      }
      if (!best) {
        failed = true;
        fileIssues.push({
          ...fieldIssue("sheet.no-header", { rows: HEADER_SEARCH_ROWS }),
          row: pending[0]?.row ?? 1,
          column: null,
          field: null,
        });
        return;
      }
      start(best);
      const rest = pending.slice(pending.indexOf(best) + 1);
      pending.length = 0;
      for (const row of rest) parse(row);
    },
    finish(): ImportReadResult {
      this.flushHeader();
      if (headerRow !== null && dataRows === 0)
        fileIssues.push({ ...fieldIssue("sheet.empty"), row: headerRow, column: null, field: null });
      return { headerRow, columns, issues: fileIssues, dataRows, dataEnd };
    },
  };
}

const USER_LABELS: Readonly<Record<string, string>> = { username: "用户名", role: "角色" };

/** The label a message shows for a column: a field key (localised by the catalogue) or the account sheet's own words. */
export function labelOf(key: string): string {
  return USER_LABELS[key] ?? key;
}
