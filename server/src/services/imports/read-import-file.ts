import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { AppError, createImportReader, type ImportColumnAt, type ImportKind, type ImportRow, type Issue } from "@xueji/shared";
import { FILE_LIMITS } from "../../files/limits";
import { readWorksheets } from "../../files/read-grid";

export interface ReadImport {
  sheet: string | null;
  columns: ImportColumnAt[];
  issues: Issue[];
  dataRows: number;
}

/**
 * Streams the rows of an import file through the shared import reader, with the bounded .xlsx/.csv
 * reader the check sheets use (files/limits.ts). A worksheet without a recognisable header is passed
 * over; a results file may spread its rows over several worksheets (Excel holds 1,048,576 rows in one).
 */
export async function readImportRows(
  path: string,
  options: {
    kind: ImportKind;
    today: string;
    onRow: (row: ImportRow, sheet: string) => Promise<void> | void;
    onColumns?: (columns: ImportColumnAt[]) => void;
  },
): Promise<ReadImport> {
  let first = null as ReadImport | null;
  let found = null as ReadImport | null;
  // Only a results file may be a CSV longer than one Excel sheet (its .xlsx spreads over worksheets instead).
  for await (const worksheet of readWorksheets(path, options.kind === "results" ? { csvRows: FILE_LIMITS.importCsvRows } : {})) {
    const queue: ImportRow[] = [];
    const reader = createImportReader({
      kind: options.kind,
      today: options.today,
      onRow: (row) => queue.push(row),
      ...(options.onColumns ? { onHeader: options.onColumns } : {}),
    });
    for await (const row of worksheet.rows) {
      reader.push(row);
      // The callback may write to the database: rows are handed over as they come, in order.
      while (queue.length) await options.onRow(queue.shift() as ImportRow, worksheet.name);
    }
    const result = reader.finish();
    while (queue.length) await options.onRow(queue.shift() as ImportRow, worksheet.name);
    const read: ReadImport = { sheet: worksheet.name, columns: result.columns, issues: result.issues, dataRows: result.dataRows };
    first ??= read;
    if (result.headerRow === null) continue;
    const before: ReadImport | null = found;
    found = before ? { ...before, dataRows: before.dataRows + read.dataRows, issues: [...before.issues, ...read.issues] } : read;
    // Only a results file continues on further worksheets; the others are one table.
    if (options.kind !== "results") break;
  }
  return found ?? first ?? { sheet: null, columns: [], issues: [], dataRows: 0 };
}

/** The uploaded bytes as a file the streaming readers can open, removed afterwards. */
export async function withTemporaryFile<T>(bytes: Buffer, fileName: string, work: (path: string) => Promise<T>): Promise<T> {
  const ext = extname(fileName).toLowerCase();
  if (![".xlsx", ".xlsm", ".csv"].includes(ext)) throw new AppError("file.unsupported", { ext: ext || "（无扩展名）" });
  const folder = await mkdtemp(join(tmpdir(), "xueji-import-"));
  const path = join(folder, `import${ext}`);
  try {
    await writeFile(path, bytes);
    return await work(path);
  } catch (error) {
    if (error instanceof AppError && "file" in error.params)
      throw new AppError(error.code, { ...error.params, file: fileName }, error.message);
    throw error;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
