/**
 * The file procedures' heavy work as it runs on a thread of the file pool (off-thread.ts calls these by
 * name): the same functions `xueji validate` runs in its own process, with the bytes that crossed
 * as a Uint8Array made a Buffer again.
 */
import { HEADER_SEARCH_ROWS } from "@xueji/shared";
import { type AnnotateInput, annotateWorkbook as annotate } from "./annotate-xlsx";
import { type CheckedUpload, checkUpload as check, readUpload, type UploadOptions } from "./check-upload";
import { type CellWrites, type CorrectedCopy, correctWorkbook as correct } from "./fix-xlsx";
import { type NewSheetSpec, newSheetWorkbook as newSheet } from "./new-sheet-xlsx";
import { toWire } from "./read-sheet-grid";
import type { CopySource } from "./workbook-copy";
import { asBuffer } from "./worker-pool";

export function checkUpload(bytes: Uint8Array, fileName: string, options: UploadOptions): Promise<CheckedUpload> {
  return check(asBuffer(bytes), fileName, options);
}

/**
 * The pane's file check: every row read, the verdict with its parsed rows (for the record check on
 * the server's own thread), and of the grid only the rows the pane shows — those the header is found in.
 */
export async function readUploadHead(bytes: Uint8Array, fileName: string, options: Omit<UploadOptions, "gridRows">): Promise<Uint8Array> {
  const read = await readUpload(asBuffer(bytes), fileName, { ...options, gridRows: HEADER_SEARCH_ROWS });
  // Of each row only what the record checks read: cloning 50,000 rows' every value (and the issues) back
  // to the main thread as objects took as long as reading the file; one JSON string crosses at once.
  const rows = read.local.rows.map(({ row, errors, values }) => ({ row, errors, values: pick(values, RECORD_FIELDS) }));
  return Buffer.from(JSON.stringify({ ...read, local: { ...read.local, rows } }));
}

/** The row values `checkAgainstRecord` reads (shared/src/rules/record-checks.ts). */
const RECORD_FIELDS = ["studentNo", "name", "idNumber", "gender", "birthDate", "ethnicity", "registrationStatus"] as const;

function pick<T extends object, K extends keyof T>(values: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (values[key] !== undefined) out[key] = values[key];
  return out;
}

/**
 * `files.grid`'s whole answer, the base64 of its UTF-8 JSON, as the bytes of that base64 text: a grid of 100,000
 * rows cloned back to the main thread and written out as JSON there held the event loop for seconds, and so
 * did even the base64 as a string (cloned back, escaped and encoded again by tRPC). So the bytes the answer
 * carries are made here and handed over (pool-worker.mjs), and written as they are (pre-encoded-text.ts).
 */
export async function checkAnswer(...args: Parameters<typeof checkUpload>): Promise<Uint8Array> {
  const checked = await checkUpload(...args);
  const json = Buffer.from(JSON.stringify({ report: checked.report, grid: toWire(checked.grid) }));
  const base64 = json.toString("base64");
  // A Buffer of its own (not the shared pool's), so the thread hands it over instead of copying it.
  const text = Buffer.allocUnsafeSlow(base64.length);
  text.write(base64, "latin1");
  return text;
}

export function annotateWorkbook(input: AnnotateInput): Promise<Buffer> {
  return annotate({ ...input, bytes: asBuffer(input.bytes) });
}

export function correctWorkbook(source: CopySource, writes: CellWrites): Promise<CorrectedCopy> {
  return correct({ ...source, bytes: asBuffer(source.bytes) }, writes);
}

export function newSheetWorkbook(spec: NewSheetSpec): Promise<Buffer> {
  return newSheet(spec);
}

/** Loaded and answering (WorkerPool.warm). */
export function ready(): true {
  return true;
}
