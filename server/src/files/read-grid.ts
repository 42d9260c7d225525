import { access } from "node:fs/promises";
import { extname } from "node:path";
import { AppError, type GridRow } from "@xueji/shared";
import { readCsv } from "./read-csv";
import { readXlsx, type WorksheetRows } from "./read-xlsx";

/** The worksheets of an .xlsx or .csv file, streamed; every failure becomes a coded AppError. */
export async function* readWorksheets(path: string): AsyncGenerator<WorksheetRows> {
  try {
    await access(path);
  } catch {
    throw new AppError("file.not-found", { file: path });
  }
  const ext = extname(path).toLowerCase();
  if (ext === ".csv") {
    const rows = await readCsv(path);
    yield { name: "CSV", rows: fromArray(rows) };
    return;
  }
  if (ext !== ".xlsx" && ext !== ".xlsm") throw new AppError("file.unsupported", { ext: ext || "（无扩展名）" });
  let any = false;
  try {
    for await (const sheet of readXlsx(path)) {
      any = true;
      yield sheet;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("file.corrupt", { file: path, detail: error instanceof Error ? error.message : String(error) });
  }
  if (!any) throw new AppError("file.no-sheet", { file: path });
}

async function* fromArray(rows: readonly GridRow[]): AsyncGenerator<GridRow> {
  yield* rows;
}
