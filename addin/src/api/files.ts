import type { ColumnOverride, GridRow, SheetKind } from "@xueji/shared";
import type { ReportIssue } from "@xueji/shared/wire/issue";
import type { CellWrite, NewSheet } from "../host/sheet-host";
import { FileRefusal, serverOrigin } from "./client";

/** `xueji validate --json`'s document, as `POST /api/files/check` returns it. */
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

/** The file routes' refusal, in the reader's language with the request id. */
export class FileError extends FileRefusal {}

/** The session cookie goes with these same-origin requests by itself (api/session.ts). */
interface FileOptions {
  locale: string;
  kind?: SheetKind | null;
  /** The secretary's own column mapping, when she chose one (sent as JSON, checked like sheets.validate's). */
  columns?: ColumnOverride | null;
  /** The term the pane checks for: the annotated copy then carries the record's issues too, as the pane shows them. */
  term?: string;
}

async function send(
  path: string,
  body: BodyInit,
  type: string | null,
  options: FileOptions,
  name = "",
  extra: Record<string, string> = {},
) {
  const query = new URLSearchParams({
    name,
    ...extra,
    ...(options.kind ? { kind: options.kind } : {}),
    ...(options.columns ? { columns: JSON.stringify(options.columns) } : {}),
    ...(options.term ? { term: options.term } : {}),
  });
  const response = await fetch(`${serverOrigin()}/api/files/${path}?${query}`, {
    method: "POST",
    body,
    headers: {
      // FormData sets its own multipart type (with the boundary).
      ...(type ? { "content-type": type } : {}),
      "accept-language": options.locale,
    },
    credentials: "same-origin",
  });
  if (!response.ok) throw new FileError(await response.text());
  return response;
}

async function post(path: string, file: Blob, name: string, options: FileOptions, extra: Record<string, string> = {}) {
  return send(path, file, "application/octet-stream", options, name, extra);
}

/** A workbook the server wrote, with the name it gave it. */
async function workbookOf(response: Response, fallback: string): Promise<{ blob: Blob; name: string }> {
  const disposition = response.headers.get("content-disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  return { blob: await response.blob(), name: encoded ? decodeURIComponent(encoded) : fallback };
}

/** `POST /api/files/check`'s answer to the pane. */
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
export async function checkFile(file: File, options: FileOptions): Promise<FileCheckAnswer> {
  const response = await post("check", file, file.name, options);
  return (await response.json()) as FileCheckAnswer;
}

/** The whole grid as the server read it, for 一键修正's plan and 提交 (asked for only then). */
export async function fileGrid(file: File, options: FileOptions): Promise<{ report: FileReport; grid: GridRow[] }> {
  const response = await post("check", file, file.name, options, { grid: "all" });
  return (await response.json()) as { report: FileReport; grid: GridRow[] };
}

/** The annotated copy: problem cells filled, messages as notes, a 检查结果 sheet. */
export async function annotatedCopy(file: File, options: FileOptions): Promise<{ blob: Blob; name: string }> {
  const response = await post("annotate", file, file.name, options);
  return workbookOf(response, "annotated.xlsx");
}

/**
 * The corrected copy (file mode's 一键修正): the server writes the fixes the secretary saw into her
 * workbook, every other cell as it was. A CSV comes back as .xlsx (it cannot keep ID columns text).
 */
export async function correctedCopy(file: File, fixes: readonly CellWrite[], options: FileOptions): Promise<Correction> {
  const form = new FormData();
  form.append("file", file, file.name);
  form.append("fixes", JSON.stringify(fixes.map(({ row, column, value, format }) => ({ row, column, value, format }))));
  const response = await send("fix", form, null, options);
  const { blob, name } = await workbookOf(response, "fixed.xlsx");
  return {
    file: new File([blob], name, { type: blob.type }),
    fixed: Number(response.headers.get("x-xueji-fixed") ?? fixes.length),
    formulaCells: (response.headers.get("x-xueji-formula-cells") ?? "").split(",").filter(Boolean),
  };
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
export async function downloadNewSheet(sheet: NewSheet, options: FileOptions, save = saveFile): Promise<void> {
  const response = await send("new-sheet", JSON.stringify(sheet), "application/json", options);
  const { blob, name } = await workbookOf(response, `${sheet.name}.xlsx`);
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
