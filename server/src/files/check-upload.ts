import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import {
  type AgeLimits,
  AppError,
  type ColumnOverride,
  type GridRow,
  type Locale,
  MAX_GRID_ROWS,
  type SheetKind,
  type SheetResult,
  type SheetTemplate,
} from "@xueji/shared";
import { toReport, type ValidationReport } from "../validate/validate-file";
import { FILE_LIMITS } from "./limits";
import { readSheetGrid } from "./read-sheet-grid";

export interface CheckedUpload {
  report: ValidationReport;
  grid: GridRow[];
}

export interface UploadOptions {
  today: string;
  locale: Locale;
  kind?: SheetKind;
  ageLimits?: AgeLimits;
  templates?: Readonly<Record<SheetKind, SheetTemplate>> | undefined;
  columns?: ColumnOverride | undefined;
  /** Rows of the grid kept from the top (all when absent); the reader reads every row either way. */
  gridRows?: number;
}

/** An upload as the shared reader read it: its verdict with the parsed rows, and the grid's rows kept. */
export interface ReadUpload {
  file: string;
  sheet: string;
  local: SheetResult;
  grid: GridRow[];
}

/** Checks an uploaded .xlsx/.csv with the same reader as `xueji validate`: the report and the grid as read. */
export async function checkUpload(bytes: Buffer, fileName: string, options: UploadOptions): Promise<CheckedUpload> {
  const read = await readUpload(bytes, fileName, options);
  return { report: toReport(read.file, read.sheet, read.local, options.locale), grid: read.grid };
}

/**
 * Reads an uploaded .xlsx/.csv with the same reader as `xueji validate` (the file is written to a
 * private temporary folder because the streaming readers take a path, and removed at once).
 */
export async function readUpload(bytes: Buffer, fileName: string, options: UploadOptions): Promise<ReadUpload> {
  const ext = extname(fileName).toLowerCase();
  if (![".xlsx", ".xlsm", ".csv"].includes(ext)) throw new AppError("file.unsupported", { ext: ext || "（无扩展名）" });
  const folder = await mkdtemp(join(tmpdir(), "xueji-upload-"));
  const path = join(folder, `upload${ext}`);
  try {
    await writeFile(path, bytes);
    const read = await readSheetGrid(path, {
      today: options.today,
      ...(options.kind ? { kind: options.kind } : {}),
      ...(options.ageLimits ? { ageLimits: options.ageLimits } : {}),
      ...(options.templates ? { templates: options.templates } : {}),
      ...(options.columns ? { columns: options.columns } : {}),
      ...(options.gridRows !== undefined ? { gridRows: options.gridRows } : {}),
      // What sheets.submit takes, so a file the server checks can be submitted (and no larger grid is sent back).
      maxRows: MAX_GRID_ROWS,
      maxCells: FILE_LIMITS.gridCells,
    });
    return { file: basename(fileName), sheet: read.sheet, local: read.local, grid: read.rows };
  } catch (error) {
    // The temporary path means nothing to the secretary: name her file instead.
    if (error instanceof AppError && "file" in error.params)
      throw new AppError(error.code, { ...error.params, file: basename(fileName) }, error.message);
    // A CSV's sheet is named after the file: hers, not the temporary one.
    if (error instanceof AppError && ext === ".csv" && error.params.sheet === "upload")
      throw new AppError(error.code, { ...error.params, sheet: basename(fileName, extname(fileName)) }, error.message);
    throw error;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
