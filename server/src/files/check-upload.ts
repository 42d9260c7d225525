import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { type AgeLimits, AppError, type ColumnOverride, type GridRow, type Locale, MAX_GRID_ROWS, type SheetKind } from "@xueji/shared";
import { toReport, type ValidationReport } from "../validate/validate-file";
import { FILE_LIMITS } from "./limits";
import { readSheetGrid } from "./read-sheet-grid";

export interface CheckedUpload {
  report: ValidationReport;
  grid: GridRow[];
}

/**
 * Checks an uploaded .xlsx/.csv with the same reader as `xueji validate` (the file is written to a
 * private temporary folder because the streaming readers take a path, and removed at once).
 */
export async function checkUpload(
  bytes: Buffer,
  fileName: string,
  options: { today: string; locale: Locale; kind?: SheetKind; ageLimits?: AgeLimits; columns?: ColumnOverride | undefined },
): Promise<CheckedUpload> {
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
      ...(options.columns ? { columns: options.columns } : {}),
      // What sheets.submit takes, so a file the server checks can be submitted (and no larger grid is sent back).
      maxRows: MAX_GRID_ROWS,
      maxCells: FILE_LIMITS.gridCells,
    });
    return { report: toReport(basename(fileName), read.sheet, read.local, options.locale), grid: read.rows };
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
