import { constants } from "node:fs";
import { access } from "node:fs/promises";
import { basename, extname } from "node:path";
import { AppError, type GridRow } from "@xueji/shared";
import { checkRegularFile } from "./check-regular-file";
import { readCsv } from "./read-csv";
import { readXlsx, type WorksheetRows } from "./read-xlsx";

/**
 * The worksheets of an .xlsx or .csv file, streamed; every failure — opening, a part, a row — becomes
 * a coded AppError, so the command line and the server show a message, never a stack.
 */
export async function* readWorksheets(path: string, options: { csvRows?: number } = {}): AsyncGenerator<WorksheetRows> {
  await checkRegularFile(path);
  try {
    await access(path, constants.R_OK);
  } catch {
    throw new AppError("file.no-permission", { file: path });
  }
  const ext = extname(path).toLowerCase();
  if (ext === ".csv") {
    // A CSV has no tabs; its sheet is named after the file, as Excel names it when it opens one.
    yield { name: basename(path, extname(path)), rows: coded(readCsv(path, options.csvRows), path) };
    return;
  }
  if (ext !== ".xlsx" && ext !== ".xlsm") throw new AppError("file.unsupported", { ext: ext || "（无扩展名）" });
  let any = false;
  const sheets = coded(readXlsx(path), path);
  for await (const sheet of sheets) {
    any = true;
    yield { name: sheet.name, rows: coded(sheet.rows, path) };
  }
  if (!any) throw new AppError("file.no-sheet", { file: path });
}

async function* coded<T>(items: AsyncIterable<T>, file: string): AsyncGenerator<T> {
  try {
    yield* items;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === "EACCES" || code === "EPERM") throw new AppError("file.no-permission", { file });
    throw new AppError("file.corrupt", { file }, error instanceof Error ? error.message : String(error));
  }
}

export type { GridRow, WorksheetRows };
