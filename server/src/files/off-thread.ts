/**
 * The file procedures' heavy work, run on the file pool's threads (worker-pool.ts) so that one
 * secretary's large workbook never stops the server answering everyone else. Same names and
 * signatures as the functions in annotate-xlsx.ts, check-upload.ts, fix-xlsx.ts and
 * new-sheet-xlsx.ts, which `xueji validate` calls directly.
 */
import { basename } from "node:path";
import type { AnnotateInput } from "./annotate-xlsx";
import type { CheckedUpload, ReadUpload } from "./check-upload";
import type * as tasks from "./file-tasks";
import type { CellWrites, CorrectedCopy } from "./fix-xlsx";
import { type NewSheetSpec, worksheetName } from "./new-sheet-xlsx";
import type { CopySource } from "./workbook-copy";
import { asBuffer, filePool } from "./worker-pool";

const TASKS = new URL("./file-tasks.ts", import.meta.url);

export function checkUpload(...args: Parameters<typeof tasks.checkUpload>): Promise<CheckedUpload> {
  return filePool().run<CheckedUpload>(TASKS, "checkUpload", args, { label: basename(args[1]) });
}

/** The pane's file check: the verdict with its parsed rows, and the grid's top rows (file-tasks.ts). */
export async function readUploadHead(...args: Parameters<typeof tasks.readUploadHead>): Promise<ReadUpload> {
  const json = asBuffer(await filePool().run<Uint8Array>(TASKS, "readUploadHead", args, { label: basename(args[1]) }));
  return JSON.parse(json.toString("utf8")) as ReadUpload;
}

/**
 * files.grid's answer, JSON built on the thread, as the bytes of its base64 (file-tasks.ts). The upload's
 * memory is handed to the thread, not copied: `bytes` is empty afterwards.
 */
export async function checkAnswer(...args: Parameters<typeof tasks.checkAnswer>): Promise<Buffer> {
  const transfer = ownMemory(args[0]);
  return asBuffer(await filePool().run<Uint8Array>(TASKS, "checkAnswer", args, { label: basename(args[1]), transfer }));
}

export async function annotateWorkbook(input: AnnotateInput): Promise<Buffer> {
  return asBuffer(await filePool().run<Uint8Array>(TASKS, "annotateWorkbook", [input], { label: basename(input.fileName) }));
}

export async function correctWorkbook(source: CopySource, writes: CellWrites): Promise<CorrectedCopy> {
  const copy = await filePool().run<CorrectedCopy>(TASKS, "correctWorkbook", [source, writes], { label: basename(source.fileName) });
  return { ...copy, file: asBuffer(copy.file) };
}

export async function newSheetWorkbook(spec: NewSheetSpec): Promise<Buffer> {
  return asBuffer(await filePool().run<Uint8Array>(TASKS, "newSheetWorkbook", [spec], { label: `${worksheetName(spec.name)}.xlsx` }));
}

/** The bytes' memory when they are the whole of it (a fresh read, not a slice of the shared pool's): what can be handed over. */
function ownMemory(bytes: Uint8Array): ArrayBuffer[] {
  const memory = bytes.buffer;
  return memory instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === memory.byteLength ? [memory] : [];
}

/** Starts the file pool's threads with the file work loaded (the server's start; tests that time a request). */
export function warmFilePool(): Promise<void> {
  return filePool().warm(TASKS);
}
