import { type Cell, cellText, columnLetter, type GridRow, HEADER_SEARCH_ROWS, headerKeys, matchKey, type OrgEntity } from "@xueji/shared";

/** The entities an organisation import carries, in the order they are applied (a major names its college). */
export const IMPORT_ENTITIES = ["college", "major", "class", "term"] as const satisfies readonly OrgEntity[];
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

/** Each column as the old system's export or a registrar's own sheet heads it; the first spelling is the template's. */
const COLUMNS: Record<ImportEntity, Record<string, readonly string[]>> = {
  college: {
    code: ["学院代码", "院系代码", "单位代码", "学院编号", "代码"],
    name: ["学院名称", "学院", "院系名称", "院系", "单位名称", "名称"],
  },
  major: {
    code: ["专业代码", "国标专业代码", "代码"],
    name: ["专业名称", "专业", "名称"],
    college: ["所属学院", "学院", "学院名称", "学院代码", "院系", "开设学院"],
    level: ["层次", "培养层次", "学历层次"],
    duration: ["学制", "学制年", "学制年限"],
    studyForm: ["学习形式", "培养方式"],
    requiredCredits: ["毕业学分", "毕业要求学分", "最低毕业学分", "要求学分", "总学分"],
    degreeCategory: ["学位门类", "授予学位门类", "学科门类"],
  },
  class: { name: ["班级名称", "班级", "行政班", "名称"], major: ["专业代码", "所属专业", "专业", "专业名称"], grade: ["年级", "入学年级"] },
  term: {
    code: ["学期", "学期代码", "学年学期"],
    startDate: ["开始日期", "第一天", "起始日期", "开学日期", "开始"],
    endDate: ["结束日期", "最后一天", "截止日期", "结束"],
  },
};

/** Columns a row of each sheet must have; the others take defaults (学习形式 普通全日制, no 学位门类). */
export const REQUIRED: Record<ImportEntity, readonly string[]> = {
  college: ["code", "name"],
  major: ["code", "name", "college", "level", "duration", "requiredCredits"],
  class: ["name", "major", "grade"],
  term: ["code", "startDate", "endDate"],
};

export const TEMPLATE_HEADERS: Record<ImportEntity, string[]> = Object.fromEntries(
  IMPORT_ENTITIES.map((e) => [e, Object.values(COLUMNS[e]).map((spellings) => spellings[0] as string)]),
) as Record<ImportEntity, string[]>;

const SHEET_NAMES: Array<[ImportEntity, RegExp]> = [
  ["term", /学期|校历|term/i],
  ["class", /班级|class/i],
  ["major", /专业|major/i],
  ["college", /学院|院系|college/i],
];

/** A sheet read as one entity: its header row, the letter of each field's column, and its data rows. */
export interface EntitySheet {
  sheet: string;
  entity: ImportEntity;
  headerRow: number;
  columns: Record<string, { index: number; letter: string }>;
  rows: GridRow[];
}

function fieldOf(entity: ImportEntity, cell: Cell | null | undefined): string | null {
  const text = cellText(cell);
  if (!text) return null;
  for (const key of headerKeys(text)) {
    for (const [field, spellings] of Object.entries(COLUMNS[entity])) if (spellings.some((s) => matchKey(s) === key)) return field;
  }
  return null;
}

function mapRow(entity: ImportEntity, row: GridRow): EntitySheet["columns"] {
  const columns: EntitySheet["columns"] = {};
  row.cells.forEach((cell, index) => {
    const field = fieldOf(entity, cell);
    if (field && !columns[field]) columns[field] = { index, letter: columnLetter(index) };
  });
  return columns;
}

/**
 * Which entity a worksheet holds and where its header is: the sheet's name says it (学院, 专业, 班级, 学期);
 * a CSV or an oddly named sheet is known by its header, the row among the first that names the most
 * required columns of one entity. Null when it is none of them.
 */
export function entitySheet(name: string, rows: readonly GridRow[]): EntitySheet | null {
  const named = SHEET_NAMES.find(([, pattern]) => pattern.test(name))?.[0];
  let best: EntitySheet | null = null;
  let bestScore = 0;
  for (const entity of named ? [named] : IMPORT_ENTITIES) {
    for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
      const columns = mapRow(entity, row);
      const score = REQUIRED[entity].filter((f) => columns[f]).length + Object.keys(columns).length / 100;
      if (score > bestScore && (named || REQUIRED[entity].every((f) => columns[f]))) {
        bestScore = score;
        best = { sheet: name, entity, headerRow: row.row, columns, rows: rows.filter((r) => r.row > row.row) };
      }
    }
  }
  return bestScore >= 1 ? best : null;
}

/** The cell of a field in a row, if the sheet has the column. */
export function cellOf(sheet: EntitySheet, row: GridRow, field: string): Cell | null {
  const column = sheet.columns[field];
  return column ? (row.cells[column.index] ?? null) : null;
}
