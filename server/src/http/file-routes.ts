import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError, formatError, type Locale, SHEET_KINDS, type SheetKind, scopeOf } from "@xueji/shared";
import { todayInChina } from "../clock";
import { requestScope } from "../context";
import type { Database } from "../db/client";
import { annotateWorkbook } from "../files/annotate-xlsx";
import { checkUpload } from "../files/check-upload";
import { toWire } from "../files/read-sheet-grid";
import { userForToken } from "../services/auth/sessions";

/** A 50,000-row roster is about 4 MB as .xlsx and 8 MB as CSV; nothing a college sends is near this. */
export const MAX_UPLOAD = 25 * 1024 * 1024;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A refusal in the reader's language with the request id (as over tRPC), which the log line carries too. */
function fail(res: ServerResponse, status: number, message: string, locale: Locale = "zh-CN"): void {
  const requestId = requestScope.getStore()?.requestId;
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(requestId ? `${message}${formatError("request.id", { requestId }, locale)}` : message);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(over ? null : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/**
 * The task pane's file mode (WPS 表格, LibreOffice, any browser), with the raw file as the body
 * and its name in `?name=`: `POST /api/files/check` → the `xueji validate --json` report plus the
 * grid as read (the pane submits that grid through `sheets.submit`); `POST /api/files/annotate` →
 * the annotated copy (.xlsx). Bearer token or session cookie, permission `sheets.validate`.
 */
export function handleFiles(
  req: IncomingMessage,
  res: ServerResponse,
  database: Database,
  token: string | null,
  locale: Locale,
  today: () => string = () => todayInChina(),
): void {
  serveFiles(req, res, database, token, locale, today).catch((error: unknown) => {
    const scope = requestScope.getStore();
    scope?.failures.push({
      procedure: `files.${new URL(req.url ?? "/", "http://localhost").pathname.replace("/api/files/", "")}`,
      code: "internal",
    });
    scope?.log.error({ err: error }, "unexpected error");
    if (res.headersSent) res.end();
    else fail(res, 500, formatError("internal", {}, locale), locale);
  });
}

async function serveFiles(
  req: IncomingMessage,
  res: ServerResponse,
  database: Database,
  token: string | null,
  locale: Locale,
  today: () => string,
): Promise<void> {
  const url = new URL(req.url ?? "/", "http://localhost");
  const action = url.pathname.replace("/api/files/", "");
  if (req.method !== "POST" || (action !== "check" && action !== "annotate")) return fail(res, 404, "未找到 / Not found");
  const user = await userForToken(database.db, token);
  if (!user) return fail(res, 401, formatError("auth.required", {}, locale), locale);
  if (!scopeOf("sheets.validate", user.role)) return fail(res, 403, formatError("auth.forbidden", { role: user.role }, locale), locale);
  const declared = Number(req.headers["content-length"] ?? 0);
  const tooLarge = formatError("input.invalid", { problem: "file-too-large", mb: MAX_UPLOAD / 1024 / 1024 }, locale);
  if (declared > MAX_UPLOAD) return fail(res, 413, tooLarge, locale);
  const body = await readBody(req, MAX_UPLOAD);
  if (!body) return fail(res, 413, tooLarge, locale);
  const fileName = (url.searchParams.get("name") ?? "").slice(0, 255);
  const kindParam = url.searchParams.get("kind");
  const kind = kindParam && SHEET_KINDS.includes(kindParam as SheetKind) ? (kindParam as SheetKind) : undefined;
  try {
    const checked = await checkUpload(body, fileName, { today: today(), locale, ...(kind ? { kind } : {}) });
    if (action === "check") {
      res.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
      res.end(JSON.stringify({ report: checked.report, grid: toWire(checked.grid) }));
      return;
    }
    const file = await annotateWorkbook({ bytes: body, fileName, report: checked.report, grid: checked.grid, locale });
    const name = `${fileName.replace(/\.(xlsx|xlsm|csv)$/i, "")}_${locale === "en" ? "checked" : "检查结果"}.xlsx`;
    res.writeHead(200, {
      "content-type": XLSX,
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      "cache-control": "no-store",
    });
    res.end(file);
  } catch (error) {
    if (error instanceof AppError) {
      // The reader gets the localised message; what the library said goes to the request's log line.
      requestScope
        .getStore()
        ?.failures.push({ procedure: `files.${action}`, code: error.code, ...(error.detail ? { detail: error.detail } : {}) });
      return fail(res, 422, error.userMessage(locale), locale);
    }
    throw error;
  }
}
