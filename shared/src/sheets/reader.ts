import { type Cell, cellText, type GridRow, isBlankCell, textCell } from "../cell";
import type { AgeLimits } from "../fields/age";
import { type FieldIssue, fieldIssue, type Issue } from "../issues";
import { DEFAULT_STANDING_RULES, type StandingRuleSet } from "../rules/rule-set";
import { computeStanding, type StandingResult } from "../rules/standing";
import { applyColumnOverride, type ColumnOverride } from "./column-override";
import { dataEndingText, FOOTER } from "./data-end";
import { FIELDS, type FieldKey } from "./fields";
import { buildHeaderIndex, decideKind, findHeaderRow, HEADER_SEARCH_ROWS, type MappedColumn, mapHeaderRow } from "./header";
import { type FieldReader, fieldReader, type ReadContext } from "./read-field";
import { crossCheckRow, DuplicateTracker } from "./row-rules";
import { type ColumnTemplate, DEFAULT_TEMPLATES, type SheetKind, type SheetTemplate } from "./templates";
import type { RowValues } from "./values";

/**
 * Reads a check sheet row by row — so a 50,000-row file streams through without being held
 * twice — and returns typed rows plus every issue placed at its row and column. The same code
 * runs in the task pane, on the server and in the command line, so a sheet gets one verdict.
 */
export interface SheetReaderOptions {
  today: string;
  /** Force a kind instead of detecting it from the header and title. */
  kind?: SheetKind;
  templates?: Readonly<Record<SheetKind, SheetTemplate>>;
  /** Standing rules for failed-course sheets; defaults to seed 000 九. */
  standingRules?: readonly StandingRuleSet[];
  /**
   * Keep every parsed row in the result (default). A caller that needs only the verdict (the
   * command line) says false, so memory does not grow with the file; a failed-course sheet still
   * keeps its rows, which the standing rules read.
   */
  retainRows?: boolean;
  /** The ages a student can have (a setting); DEFAULT_AGE_LIMITS (12–80) when absent. */
  ageLimits?: AgeLimits;
  /** What the secretary says a column holds, by letter (null: not checked); wins over the header's guess. */
  columns?: ColumnOverride;
  /** The worksheet's name: like a title row, it names the sheet (the pane's templates are named after their kind). */
  sheetName?: string;
  /**
   * Keep at most this many issues of each code; the rest are only counted (`omitted`). The command
   * line says so, so that a file of a million repeated rows does not hold a million issues
   * (every issue is kept when absent: the pane and the server show each one at its cell).
   */
  issuesPerCode?: number;
}

/** Issues of one code beyond `issuesPerCode`: counted, not kept. */
export interface OmittedIssues {
  code: Issue["code"];
  severity: Issue["severity"];
  count: number;
}

export interface ParsedRow {
  row: number;
  values: RowValues;
  errors: number;
}

export interface SheetResult {
  kind: SheetKind | null;
  headerRow: number | null;
  columns: MappedColumn[];
  rows: ParsedRow[];
  /** Data rows read; equals rows.length unless rows were not retained. */
  dataRows: number;
  issues: Issue[];
  /** What `issuesPerCode` left out, by code (absent when nothing was). */
  omitted?: OmittedIssues[];
  standing: StandingResult[] | null;
  /** The totals or signature row that ended the data (学信网's sheets: 合计/总计, 填表人/审核人), when one did. */
  dataEnd: { row: number; lastDataRow: number | null; text: string } | null;
}

const KEY_FIELDS = new Set(["studentNo", "name", "idNumber"]);
/** Keys that still say "a student" when the row holds totals' words elsewhere. */
const STUDENT_KEYS = new Set(["studentNo", "idNumber"]);

export function createSheetReader(options: SheetReaderOptions) {
  const templates = options.templates ?? DEFAULT_TEMPLATES;
  const candidates = options.kind ? [templates[options.kind]] : Object.values(templates);
  // Every field the reader knows is recognised, whatever the templates list (a roster's
  // 政治面貌 column is checked even when its template does not name it); templates' own spellings win.
  const headerIndex = buildHeaderIndex([...candidates, ALL_FIELDS_TEMPLATE]);

  const pending: GridRow[] = [];
  const rows: ParsedRow[] = [];
  const issues: Issue[] = [];
  let template: SheetTemplate | null = null;
  let columns: MappedColumn[] = [];
  let bound: Array<{ column: MappedColumn; spec: ColumnTemplate; read: FieldReader; blankMeans: string | undefined }> = [];
  let headerRow: GridRow | null = null;
  let headerFailed = false;
  let duplicates: DuplicateTracker | null = null;
  let dataRows = 0;
  let lastDataRow: number | null = null;
  let dataEnd: SheetResult["dataEnd"] = null;
  const kept = new Map<string, number>();
  // The same for every row without a 证件类型 column.
  const baseContext: ReadContext = {
    today: options.today,
    documentType: null,
    ...(options.ageLimits ? { ageLimits: options.ageLimits } : {}),
  };
  let byField = new Map<string, MappedColumn>();
  const omitted = new Map<string, OmittedIssues>();

  /** Drops the issues from `from` on beyond the per-code cap, counting them. */
  function capIssues(from: number): void {
    const cap = options.issuesPerCode;
    if (cap === undefined) return;
    let write = from;
    for (let read = from; read < issues.length; read++) {
      const issue = issues[read] as Issue;
      const n = kept.get(issue.code) ?? 0;
      if (n < cap) {
        kept.set(issue.code, n + 1);
        issues[write++] = issue;
        continue;
      }
      const counted = omitted.get(issue.code);
      if (counted) counted.count++;
      else omitted.set(issue.code, { code: issue.code, severity: issue.severity, count: 1 });
    }
    issues.length = write;
  }

  function place(row: number, column: MappedColumn | null, found: FieldIssue): void {
    const issue: Issue = {
      code: found.code,
      severity: found.severity,
      params: found.params,
      row,
      column: column?.column ?? null,
      field: column?.field ?? null,
    };
    if (found.suggestion !== undefined) issue.suggestion = found.suggestion;
    issues.push(issue);
  }

  function start(header: GridRow, above: readonly GridRow[]): void {
    headerRow = header;
    const override = options.columns ?? {};
    const mapped = applyColumnOverride(header, mapHeaderRow(header, headerIndex), override);
    const title = [...above.flatMap((r) => r.cells.map(cellText)), options.sheetName ?? ""].join(" ");
    const kind = options.kind ?? decideKind(candidates, new Set(mapped.columns.map((c) => c.field)), title);
    template = kind ? templates[kind] : null;
    if (!template) return;
    // A lone 考试学期 column is the sheet's term; beside 开课学期 it says when a 补考/重修 was sat.
    const hasTerm = mapped.columns.some((c) => c.field === "term");
    // (A column the secretary named keeps the field she gave it.)
    columns = mapped.columns.map((c) =>
      c.field === "examTerm" && !hasTerm && !Object.hasOwn(override, c.column) ? { ...c, field: "term" } : c,
    );
    const specs = template.columns;
    // The template decides which columns are required and how its own columns are read; any other
    // column the reader recognises is read with the field's default parser, as optional.
    bound = columns.map((column) => {
      const spec = specs.find((c) => c.field === column.field) ?? optionalColumn(column.field);
      return { column, spec, read: fieldReader(column.field, spec.parser), blankMeans: FIELDS[column.field].blankMeans };
    });
    for (const d of mapped.duplicates) {
      place(
        header.row,
        d,
        fieldIssue("sheet.duplicate-column", { column: d.column, header: d.header, firstColumn: d.firstColumn, label: d.field }),
      );
    }
    for (const column of template.columns) {
      if (column.required && !columns.some((c) => c.field === column.field)) {
        place(header.row, null, fieldIssue("sheet.missing-column", { sheet: template.kind, header: column.header }));
      }
    }
    duplicates = new DuplicateTracker(template.uniqueKeys);
    keyColumns = columns.filter((c) => KEY_FIELDS.has(c.field));
    studentKeyIndexes = columns.filter((c) => STUDENT_KEYS.has(c.field)).map((c) => c.index);
    headedColumns = columns.filter((c) => c.header !== "");
    repeatsNeeded = Math.max(2, Math.ceil(columns.length / 2));
    documentTypeColumn = columns.find((c) => c.field === "idType");
    byField = new Map();
    for (const c of columns) if (!byField.has(c.field)) byField.set(c.field, c);
  }

  // Decided once the header is known, so that each data row costs no allocation to classify.
  let keyColumns: MappedColumn[] = [];
  let studentKeyIndexes: number[] = [];
  let headedColumns: MappedColumn[] = [];
  let repeatsNeeded = 2;
  let documentTypeColumn: MappedColumn | undefined;

  function isFooterText(cell: Cell | null | undefined): boolean {
    return FOOTER.test(cellText(cell));
  }

  function isDataRow(row: GridRow): boolean {
    const cells = row.cells;
    let blank = true;
    for (let i = 0; i < cells.length; i++) {
      if (!isBlankCell(cells[i])) {
        blank = false;
        break;
      }
    }
    if (blank) return false;
    // A footer's text often sits in the 学号 column itself, so a key cell holding footer words
    // counts as empty; a row whose 学号, 姓名 or 身份证号 holds anything else is data.
    let keysEmpty = true;
    for (const c of keyColumns) {
      const cell = cells[c.index];
      if (!isBlankCell(cell) && !isFooterText(cell)) {
        keysEmpty = false;
        break;
      }
    }
    if (keysEmpty && cells.some(isFooterText)) return false;
    // Printed sheets repeat the header on every page.
    let repeats = 0;
    for (const c of headedColumns) if (cellText(cells[c.index]).trim() === c.header) repeats++;
    return repeats < repeatsNeeded;
  }

  /** The totals or signature row that ends the data, if this is one: its words, else null. */
  function endingText(row: GridRow): string | null {
    return dataEndingText(row.cells, studentKeyIndexes);
  }

  function parseRow(row: GridRow): void {
    if (!template || dataEnd) return;
    const ending = endingText(row);
    if (ending !== null) {
      dataEnd = { row: row.row, lastDataRow, text: ending };
      place(row.row, null, fieldIssue("sheet.data-ended", { row: row.row, last: lastDataRow ?? headerRow?.row ?? row.row, text: ending }));
      return;
    }
    if (!isDataRow(row)) return;
    const values: Record<string, unknown> = {};
    const before = issues.length;
    const context = documentTypeColumn ? { ...baseContext, documentType: cellText(row.cells[documentTypeColumn.index]) } : baseContext;
    for (const { column, spec, read, blankMeans } of bound) {
      const cell: Cell | null | undefined = row.cells[column.index];
      if (isBlankCell(cell)) {
        if (spec.required) place(row.row, column, fieldIssue("field.required", { label: column.field }));
        if (blankMeans !== undefined) {
          const meant = read(textCell(blankMeans), context).value;
          if (meant !== null) values[column.field] = meant;
        }
        continue;
      }
      if (cell?.type === "error") {
        place(row.row, column, fieldIssue("field.error-value", { label: column.field, value: cellText(cell) }));
        continue;
      }
      const result = read(cell as Cell, context);
      for (const found of result.issues) place(row.row, column, found);
      if (result.value !== null) values[column.field] = result.value;
    }
    const typed = values as RowValues;
    for (const found of crossCheckRow(typed, template.kind)) place(row.row, byField.get(found.field) ?? null, found.issue);
    for (const found of duplicates?.see(typed, row.row) ?? []) place(row.row, byField.get(found.field) ?? null, found.issue);
    // Cross-row checks come last; show the row's issues left to right as the secretary reads them.
    let errors = 0;
    if (issues.length - before > 1) {
      const rowIssues = issues.splice(before).sort((a, b) => columnOrder(a.column) - columnOrder(b.column));
      for (const issue of rowIssues) issues.push(issue);
    }
    for (let i = before; i < issues.length; i++) if ((issues[i] as Issue).severity === "error") errors++;
    capIssues(before);
    dataRows++;
    lastDataRow = row.row;
    if (options.retainRows !== false || template.kind === "failed-courses") rows.push({ row: row.row, values: typed, errors });
  }

  return {
    push(row: GridRow): void {
      if (headerRow) {
        parseRow(row);
        return;
      }
      if (headerFailed) return;
      pending.push(row);
      if (pending.length < HEADER_SEARCH_ROWS) return;
      this.flushHeader();
    },
    /** Decides the header from the rows seen so far (called once the search window is full or at the end). */
    flushHeader(): void {
      if (headerRow || headerFailed) return;
      const header = findHeaderRow(pending, headerIndex);
      if (!header) {
        headerFailed = true;
        place(pending[0]?.row ?? 1, null, fieldIssue("sheet.no-header", { rows: HEADER_SEARCH_ROWS }));
        return;
      }
      const at = pending.indexOf(header);
      start(header, pending.slice(0, at));
      for (const row of pending.slice(at + 1)) parseRow(row);
      pending.length = 0;
    },
    finish(): SheetResult {
      this.flushHeader();
      const kind = template ? (template as SheetTemplate).kind : null;
      if (template && dataRows === 0) place(headerRow?.row ?? 1, null, fieldIssue("sheet.empty"));
      const standing = kind === "failed-courses" ? computeStanding(rows, options.standingRules ?? [DEFAULT_STANDING_RULES]) : null;
      return {
        kind,
        headerRow: headerRow ? (headerRow as GridRow).row : null,
        columns,
        rows,
        dataRows,
        issues,
        ...(omitted.size > 0 ? { omitted: [...omitted.values()] } : {}),
        standing,
        dataEnd,
      };
    },
  };
}

function optionalColumn(field: FieldKey): ColumnTemplate {
  const { header, synonyms, parser } = FIELDS[field];
  return { field, header, synonyms, parser, required: false };
}

/** Not a sheet: the header spellings of every field, so the header index knows them all. */
const ALL_FIELDS_TEMPLATE: SheetTemplate = {
  ...DEFAULT_TEMPLATES["roster-new"],
  columns: (Object.keys(FIELDS) as FieldKey[]).map(optionalColumn),
};

function columnOrder(column: string | null): number {
  if (column === null) return -1;
  let n = 0;
  for (const ch of column) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Reads a whole grid at once (the task pane has the sheet in memory already). */
export function readSheet(grid: Iterable<GridRow>, options: SheetReaderOptions): SheetResult {
  const reader = createSheetReader(options);
  for (const row of grid) reader.push(row);
  return reader.finish();
}
