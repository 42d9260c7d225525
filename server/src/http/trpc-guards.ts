import type { IncomingMessage, ServerResponse } from "node:http";
import { type ErrorCode, formatError } from "@xueji/shared";
import { FILE_PROCEDURES, FORM_PROCEDURES, MAX_UPLOAD } from "../files/upload-form";
import type { RequestMeta } from "./request-meta";

/** Longer GET addresses are refused before they are parsed; real queries stay under 1 KB. */
export const MAX_URL_LENGTH = 4096;

export interface Refusal {
  status: number;
  trpcCode: string;
  code: ErrorCode;
  params?: Record<string, string | number>;
}

/**
 * The checks a tRPC request passes before any procedure runs (docs/architecture.md, “Security in the request path”):
 * - the address is not absurdly long;
 * - a POST carries JSON: an HTML form (urlencoded, multipart, text/plain) can be sent cross-site
 *   without the browser asking first, JSON cannot. The file procedures alone take multipart (the
 *   secretary's workbook): for them the Origin check below is what stops another site's form;
 * - a POST authenticated by the session cookie comes from this server's own pages (`Origin`). The
 *   add-in and the command line send a bearer token, which no other site can attach, and skip it.
 */
export function refuseTrpcRequest(req: IncomingMessage, meta: RequestMeta, allowedOrigins: readonly string[]): Refusal | null {
  if ((req.url ?? "").length > MAX_URL_LENGTH)
    return { status: 414, trpcCode: "BAD_REQUEST", code: "request.url-too-long", params: { max: MAX_URL_LENGTH } };
  if (req.method !== "POST") return null;
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json" && !(type === "multipart/form-data" && isFormProcedure(req)))
    return { status: 415, trpcCode: "UNSUPPORTED_MEDIA_TYPE", code: "request.not-json" };
  if (crossSite(req, meta, allowedOrigins)) return { status: 403, trpcCode: "FORBIDDEN", code: "auth.cross-site" };
  return null;
}

function isFormProcedure(req: IncomingMessage): boolean {
  const path = new URL(req.url ?? "/", "http://localhost").pathname.replace(/^\/api\/trpc\//, "");
  return (FORM_PROCEDURES as readonly string[]).includes(path);
}

/** A POST to one of the file procedures, whose body may be a workbook. */
export function isFileUpload(req: IncomingMessage, url: URL): boolean {
  return req.method === "POST" && FILE_PROCEDURES.includes(url.pathname.replace(/^\/api\/trpc\//, ""));
}

/**
 * A file procedure's body larger than MAX_UPLOAD is refused from its declared length, before a byte of it
 * is read; one that declares none (chunked) is refused too, so no upload can run past the limit while
 * tRPC buffers it. The answer says the limit in the reader's language.
 */
export function refuseLargeUpload(req: IncomingMessage, url: URL): Refusal | null {
  if (!isFileUpload(req, url)) return null;
  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) <= MAX_UPLOAD) return null;
  return {
    status: 413,
    trpcCode: "PAYLOAD_TOO_LARGE",
    code: "input.invalid",
    params: { problem: "file-too-large", mb: MAX_UPLOAD / 1024 / 1024 },
  };
}

/**
 * A POST the browser authenticated by itself (the session cookie) from a page that is not this
 * server's own nor an allowed origin: refused by every POST route that takes the cookie (tRPC and
 * the import upload). A bearer token cannot be attached by another site, so it passes.
 */
export function crossSite(req: IncomingMessage, meta: RequestMeta, allowedOrigins: readonly string[]): boolean {
  if (!meta.viaCookie) return false;
  const origin = req.headers.origin;
  return !origin || (origin !== meta.origin && !allowedOrigins.includes(origin));
}

/** Answers a refused request in tRPC's error shape (an array for a batch), localised, with the request id. */
export function writeRefusal(res: ServerResponse, url: URL, refusal: Refusal, meta: RequestMeta): void {
  const userMessage = formatError(refusal.code, refusal.params ?? {}, meta.locale);
  const error = {
    message: `${userMessage}${formatError("request.id", { requestId: meta.requestId }, meta.locale)}`,
    code: -32600,
    data: { code: refusal.trpcCode, httpStatus: refusal.status, appCode: refusal.code, userMessage, requestId: meta.requestId },
  };
  const calls = url.searchParams.get("batch") === "1" ? url.pathname.split("/").at(-1)?.split(",").length || 1 : 0;
  res.writeHead(refusal.status, { "content-type": "application/json" });
  res.end(JSON.stringify(calls ? Array.from({ length: calls }, () => ({ error })) : { error }));
}
