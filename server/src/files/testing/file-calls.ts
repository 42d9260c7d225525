/**
 * The file procedures as the pane calls them over HTTP (tRPC 11's non-batched POST, a multipart form
 * for the file ones, JSON for `files.newSheet`), for tests that need the real request path: the size
 * guard, the Origin check, the request log, the pool.
 */
export interface FileForm {
  /** The file's bytes (a string is sent as UTF-8, as a CSV would be). */
  file?: Uint8Array | string;
  name?: string;
  kind?: string;
  columns?: string;
  term?: string;
  /** JSON text, or anything else JSON.stringify makes into it. */
  fixes?: unknown;
}

export interface FileAnswer<T = unknown> {
  status: number;
  /** The procedure's result (absent when refused). */
  data: T;
  /** A refusal's message, as the reader sees it (with the request id), or "" when it answered. */
  message: string;
  /** A refusal's catalogue code. */
  appCode: string | null;
  requestId: string;
}

export function formOf(input: FileForm): FormData {
  const form = new FormData();
  if (input.file !== undefined)
    form.append("file", new Blob([typeof input.file === "string" ? input.file : new Uint8Array(input.file)]), input.name ?? "");
  if (input.kind !== undefined) form.append("kind", input.kind);
  if (input.columns !== undefined) form.append("columns", input.columns);
  if (input.term !== undefined) form.append("term", input.term);
  if (input.fixes !== undefined) form.append("fixes", typeof input.fixes === "string" ? input.fixes : JSON.stringify(input.fixes));
  return form;
}

/** Calls `files.<procedure>` with a form (or, for newSheet, a JSON body as text) and reads tRPC's answer. */
export async function callFiles<T = unknown>(
  base: string,
  procedure: string,
  body: FormData | string,
  headers: Record<string, string> = {},
): Promise<FileAnswer<T>> {
  const res = await fetch(`${base}/api/trpc/files.${procedure}`, {
    method: "POST",
    headers: typeof body === "string" ? { "content-type": "application/json", ...headers } : headers,
    body,
  });
  const json = (await res.json()) as {
    result?: { data: T };
    error?: { message: string; data?: { appCode?: string } };
  };
  return {
    status: res.status,
    data: json.result?.data as T,
    message: json.error?.message ?? "",
    appCode: json.error?.data?.appCode ?? null,
    requestId: res.headers.get("x-request-id") ?? "",
  };
}

/** A workbook answer's bytes. */
export function bytesOf(answer: { base64: string }): ArrayBuffer {
  const buffer = Buffer.from(answer.base64, "base64");
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
}

/** `files.grid`'s answer: the base64 of its JSON. */
export function gridOf<T>(answer: { base64: string }): T {
  return JSON.parse(Buffer.from(answer.base64, "base64").toString("utf8")) as T;
}
