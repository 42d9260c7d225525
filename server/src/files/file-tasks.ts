/**
 * The file routes' heavy work as it runs on a thread of the file pool (off-thread.ts calls these by
 * name): the same functions `xueji validate` runs in its own process, with the bytes that crossed
 * as a Uint8Array made a Buffer again.
 */
import type { AgeLimits, ColumnOverride, Locale, SheetKind } from "@xueji/shared";
import { type AnnotateInput, annotateWorkbook as annotate } from "./annotate-xlsx";
import { type CheckedUpload, checkUpload as check } from "./check-upload";
import { type CellWrites, type CorrectedCopy, correctWorkbook as correct } from "./fix-xlsx";
import { type NewSheetSpec, newSheetWorkbook as newSheet } from "./new-sheet-xlsx";
import type { CopySource } from "./workbook-copy";
import { asBuffer } from "./worker-pool";

export function checkUpload(
  bytes: Uint8Array,
  fileName: string,
  options: { today: string; locale: Locale; kind?: SheetKind; ageLimits?: AgeLimits; columns?: ColumnOverride | undefined },
): Promise<CheckedUpload> {
  return check(asBuffer(bytes), fileName, options);
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
