import type { ColumnOverride, GridRow, SheetKind } from "@xueji/shared";
import type { ReportIssue } from "@xueji/shared/wire/issue";
import type { CellWrite, NewSheet } from "../host/sheet-host";
import type { Api } from "./client";

/** `xueji validate --json`'s document, as `files.check` returns it. */
export interface FileReport {
  file: string;
  sheet: string;
  kind: SheetKind | null;
  headerRow: number | null;
  dataRows: number;
  columns: Array<{ field: string; header: string; column: string }>;
  issues: ReportIssue[];
  /** Where the data ended (a 合计 or signature row under it). */
  dataEnd?: { row: number; lastDataRow: number | null; text: string };
}

/** What the file procedures take besides the file (the session cookie goes with the client's calls, api/session.ts). */
interface FileOptions {
  kind?: SheetKind | null;
  /** The secretary's own column mapping, when she chose one (sent as JSON, checked like sheets.validate's). */
  columns?: ColumnOverride | null;
  /** The term the pane checks for: the answer (and the annotated copy) then carries the record's checks too. */
  term?: string;
}

/** The form the file procedures take: her file and what to do with it (tRPC 11 sends FormData as it is, never batched). */
function formOf(file: File, options: FileOptions, fixes?: readonly CellWrite[]): FormData {
  const form = new FormData();
  form.append("file", file, file.name);
  if (options.kind) form.append("kind", options.kind);
  if (options.columns) form.append("columns", JSON.stringify(options.columns));
  if (options.term) form.append("term", options.term);
  if (fixes) form.append("fixes", JSON.stringify(fixes.map(({ row, column, value, format }) => ({ row, column, value, format }))));
  return form;
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A workbook the server wrote (base64 in the answer, as the exports send theirs). */
function workbookOf(answer: { fileName: string; base64: string }): { blob: Blob; name: string } {
  return { blob: new Blob([bytesOf(answer.base64)], { type: XLSX }), name: answer.fileName };
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** `files.check`'s answer to the pane. */
export interface FileCheckAnswer {
  report: FileReport;
  /** The grid's rows down to the header: what the pane shows of it (the column mapping). */
  grid: GridRow[];
  /** The record's checks are in the report (the term was given and she has a college). */
  withRecord: boolean;
  allowSubmitWithErrors?: boolean;
}

/**
 * The server reads the file with the same reader as `xueji validate` and, for the term given, checks
 * it against the record in the same call; only the header's rows of the grid come back.
 */
export async function checkFile(api: Api, file: File, options: FileOptions): Promise<FileCheckAnswer> {
  return (await api.files.check.mutate(formOf(file, options))) as FileCheckAnswer;
}

/** The whole grid as the server read it, for 一键修正's plan and 提交 (asked for only then). */
export async function fileGrid(api: Api, file: File, options: FileOptions): Promise<{ report: FileReport; grid: GridRow[] }> {
  // The JSON comes as base64: the server builds it off its event loop and sends it as it is (server/src/files/file-procedures.ts).
  const { base64 } = await api.files.grid.mutate(formOf(file, options));
  return JSON.parse(new TextDecoder().decode(bytesOf(base64))) as { report: FileReport; grid: GridRow[] };
}

/** The annotated copy: problem cells filled, messages as notes, a 检查结果 sheet. */
export async function annotatedCopy(api: Api, file: File, options: FileOptions): Promise<{ blob: Blob; name: string }> {
  return workbookOf(await api.files.annotate.mutate(formOf(file, options)));
}

/**
 * The corrected copy (file mode's 一键修正): the server writes the fixes the secretary saw into her
 * workbook, every other cell as it was. A CSV comes back as .xlsx (it cannot keep ID columns text).
 */
export async function correctedCopy(api: Api, file: File, fixes: readonly CellWrite[], options: FileOptions): Promise<Correction> {
  const answer = await api.files.fix.mutate(formOf(file, options, fixes));
  const { blob, name } = workbookOf(answer);
  return { file: new File([blob], name, { type: blob.type }), fixed: answer.fixed, formulaCells: answer.formulaCells };
}

/** What 一键修正 made of a file: the copy, how many cells it wrote, and the formula cells it left alone. */
export interface Correction {
  file: File;
  fixed: number;
  formulaCells: string[];
}

/**
 * A new check sheet as .xlsx (file mode's 新建核对表), from the same description Excel mode adds as
 * a worksheet, handed to the browser's downloads.
 */
export async function downloadNewSheet(api: Api, sheet: NewSheet, save = saveFile): Promise<void> {
  const { blob, name } = workbookOf(await api.files.newSheet.mutate(sheet));
  save(blob, name);
}

/** Hands a file to the browser's downloads (file mode has no workbook to write into). */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
