import { basename, extname } from "node:path";
import { AppError, type GridRow, type WorkbookFeature } from "@xueji/shared";
import ExcelJS from "exceljs";
import { FILE_LIMITS } from "./limits";
import { openZip } from "./zip-parts";

export interface CopySource {
  /** The original file's bytes and name (its extension says .xlsx or .csv). */
  bytes: Buffer;
  fileName: string;
  /** The worksheet the reader checked (`report.sheet`). */
  sheet: string;
  /** The grid as read, used to rebuild a CSV as a workbook (a CSV has nowhere to keep fills, notes or formats). */
  grid: readonly GridRow[];
}

export interface WorkbookCopy {
  workbook: ExcelJS.Workbook;
  sheet: ExcelJS.Worksheet;
  /** What the workbook holds that ExcelJS will not write back (empty for nearly every check sheet). */
  lost: WorkbookFeature[];
}

const MiB = 1024 * 1024;

// Parts ExcelJS 4 does not read: a copy written through it comes back without them.
const UNKEPT_PARTS: ReadonlyArray<readonly [RegExp, WorkbookFeature]> = [
  [/^xl\/charts\//, "charts"],
  [/^xl\/(pivotTables|pivotCache)\//, "pivots"],
  [/^xl\/vbaProject\.bin$/, "macros"],
  [/^xl\/(slicers|slicerCaches|timelines|timelineCaches)\//, "slicers"],
  [/^xl\/externalLinks\//, "links"],
  [/^xl\/(ctrlProps|activeX)\//, "controls"],
  [/^xl\/embeddings\//, "objects"],
  [/^xl\/threadedComments\//, "threaded-comments"],
];

const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;
const LT = 0x3c;
const C = 0x63;

/**
 * `<c ` / `<c>` / `<c/` tags (a cell) in a worksheet chunk whose first `carried` bytes are the end of
 * the previous chunk (so a tag cut between two chunks is counted once, in the chunk it ends in).
 */
function countCellTags(bytes: Buffer, carried: number): number {
  let n = 0;
  for (let i = bytes.indexOf(LT); i >= 0 && i + 2 < bytes.length; i = bytes.indexOf(LT, i + 1)) {
    if (bytes[i + 1] !== C) continue;
    const next = bytes[i + 2];
    if (i + 2 < carried) continue;
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) n++;
  }
  return n;
}

/**
 * Reads the .xlsx's zip under the reader's own limits before ExcelJS holds it all in memory: each
 * part inflates to no more than it declares (a crafted header cannot hide a zip bomb in a sheet the
 * checker never read), the whole stays under FILE_LIMITS.copyBytes; and names the features the
 * copy would lose.
 */
async function inspect(source: CopySource): Promise<WorkbookFeature[]> {
  const file = basename(source.fileName);
  const zip = await openZip(file, source.bytes).catch((error: unknown) => {
    throw error instanceof AppError ? error : new AppError("file.corrupt", { file, detail: "zip" });
  });
  try {
    let total = 0;
    let cells = 0;
    for (const name of zip.names()) {
      const worksheet = WORKSHEET_PART.test(name);
      let tail = Buffer.alloc(0);
      for await (const chunk of zip.open(name, FILE_LIMITS.copyBytes)) {
        total += chunk.length;
        if (total > FILE_LIMITS.copyBytes) throw new AppError("file.copy-too-large", { file, limit: FILE_LIMITS.copyBytes / MiB });
        if (!worksheet) continue;
        // ExcelJS keeps every cell of every sheet as an object: count them before it does (a small
        // file of millions of tiny cells would otherwise take gigabytes).
        const scanned = tail.length ? Buffer.concat([tail, chunk]) : chunk;
        cells += countCellTags(scanned, tail.length);
        if (cells > FILE_LIMITS.copyCells)
          throw new AppError("file.too-many-cells", { file, cells: FILE_LIMITS.copyCells, limit: FILE_LIMITS.copyCells });
        tail = Buffer.from(scanned.subarray(Math.max(0, scanned.length - 2)));
      }
    }
    const names = zip.names();
    return [...new Set(UNKEPT_PARTS.filter(([part]) => names.some((n) => part.test(n))).map(([, feature]) => feature))];
  } finally {
    zip.close();
  }
}

/**
 * The secretary's workbook as ExcelJS reads it, and the checked worksheet in it, for the copies
 * the server writes (annotated, corrected): every cell not touched afterwards — values, formats,
 * fills, merged title rows, formulas, other sheets, names, validation — is written back as it was
 * read; `lost` lists what ExcelJS cannot carry (charts, pivot tables, macros …). A CSV becomes a
 * workbook with one sheet whose text cells are formatted as text (no digits lost when opened).
 */
export async function openCopy(source: CopySource): Promise<WorkbookCopy> {
  const workbook = new ExcelJS.Workbook();
  if (extname(source.fileName).toLowerCase() === ".csv") {
    const cells = source.grid.reduce((sum, row) => sum + row.cells.length, 0);
    if (cells > FILE_LIMITS.copyCells)
      throw new AppError("file.too-many-cells", {
        file: basename(source.fileName),
        cells: FILE_LIMITS.copyCells,
        limit: FILE_LIMITS.copyCells,
      });
    const sheet = workbook.addWorksheet(source.sheet === "CSV" ? "Sheet1" : source.sheet);
    for (const row of source.grid) {
      row.cells.forEach((cell, index) => {
        if (!cell || cell.value === null) return;
        const target = sheet.getCell(row.row, index + 1);
        target.value = cell.value;
        if (cell.type === "string") target.numFmt = "@";
      });
    }
    return { workbook, sheet, lost: [] };
  }
  const lost = await inspect(source);
  await workbook.xlsx.load(source.bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(source.sheet) ?? (workbook.worksheets[0] as ExcelJS.Worksheet);
  return { workbook, sheet, lost };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A `2026-11-23` as the date Excel stores (ExcelJS writes a Date as Excel's day number; UTC
 * midnight, so no time zone shifts the day), or null for anything else.
 */
export function excelDate(value: unknown): Date | null {
  const date = typeof value === "string" ? ISO_DATE.exec(value) : null;
  return date ? new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]))) : null;
}

/**
 * ExcelJS shares one style object among cells with the same style: give a cell its own before
 * changing its fill or format, or every cell that shared the style would change too.
 */
export function ownStyle(cell: ExcelJS.Cell): void {
  cell.style = structuredClone(cell.style);
}
