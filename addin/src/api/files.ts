import type { GridRow, SheetKind } from "@xueji/shared";
import { serverOrigin } from "./client";

export interface ReportIssue {
  row: number | null;
  column: string | null;
  field: string | null;
  code: string;
  severity: "error" | "warning" | "info";
  message: string;
  suggestion?: string;
}

/** `xueji validate --json`'s document, as `POST /api/files/check` returns it. */
export interface FileReport {
  file: string;
  sheet: string;
  kind: SheetKind | null;
  headerRow: number | null;
  dataRows: number;
  columns: Array<{ field: string; header: string; column: string }>;
  issues: ReportIssue[];
}

export class FileError extends Error {}

async function post(path: string, file: Blob, name: string, token: string | null, locale: string, kind?: SheetKind | null) {
  const query = new URLSearchParams({ name, ...(kind ? { kind } : {}) });
  const response = await fetch(`${serverOrigin()}/api/files/${path}?${query}`, {
    method: "POST",
    body: file,
    headers: {
      "content-type": "application/octet-stream",
      "accept-language": locale,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  });
  if (!response.ok) throw new FileError(await response.text());
  return response;
}

/** The server reads the file with the same reader as `xueji validate`; the grid comes back for submitting. */
export async function checkFile(
  file: File,
  options: { token: string | null; locale: string; kind?: SheetKind | null },
): Promise<{ report: FileReport; grid: GridRow[] }> {
  const response = await post("check", file, file.name, options.token, options.locale, options.kind);
  return (await response.json()) as { report: FileReport; grid: GridRow[] };
}

/** The annotated copy: problem cells filled, messages as notes, a 检查结果 sheet. */
export async function annotatedCopy(
  file: File,
  options: { token: string | null; locale: string; kind?: SheetKind | null },
): Promise<{ blob: Blob; name: string }> {
  const response = await post("annotate", file, file.name, options.token, options.locale, options.kind);
  const disposition = response.headers.get("content-disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  return { blob: await response.blob(), name: encoded ? decodeURIComponent(encoded) : "annotated.xlsx" };
}
