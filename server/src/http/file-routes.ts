import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError, academicYearOf, formatError, type Locale, SHEET_KINDS, type SheetKind, scopeOf } from "@xueji/shared";
import { todayInChina } from "../clock";
import type { Database } from "../db/client";
import { annotateWorkbook } from "../files/annotate-xlsx";
import { checkUpload } from "../files/check-upload";
import { toWire } from "../files/read-sheet-grid";
import { userForToken } from "../services/auth/sessions";
import { checkRulesInForce } from "../services/sheets/check-sheet";

/** A 50,000-row roster is about 4 MB as .xlsx and 8 MB as CSV; nothing a college sends is near this. */
export const MAX_UPLOAD = 25 * 1024 * 1024;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function fail(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(message);
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
  serveFiles(req, res, database, token, locale, today).catch(() => {
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end(formatError("internal", { detail: "files" }, locale));
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
  if (!user) return fail(res, 401, formatError("auth.required", {}, locale));
  if (!scopeOf("sheets.validate", user.role)) return fail(res, 403, formatError("auth.forbidden", { role: user.role }, locale));
  const declared = Number(req.headers["content-length"] ?? 0);
  const tooLarge = formatError("input.invalid", { detail: locale === "en" ? "the file is larger than 25 MB" : "文件超过 25 MB" }, locale);
  if (declared > MAX_UPLOAD) return fail(res, 413, tooLarge);
  const body = await readBody(req, MAX_UPLOAD);
  if (!body) return fail(res, 413, tooLarge);
  const fileName = (url.searchParams.get("name") ?? "").slice(0, 255);
  const kindParam = url.searchParams.get("kind");
  const kind = kindParam && SHEET_KINDS.includes(kindParam as SheetKind) ? (kindParam as SheetKind) : undefined;
  try {
    // The 核对规则 in force this academic year, as the server's own sheet checks use them (the students' age range).
    const { ageLimits } = await checkRulesInForce(database.db, academicYearOf(today()));
    const checked = await checkUpload(body, fileName, { today: today(), locale, ageLimits, ...(kind ? { kind } : {}) });
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
    if (error instanceof AppError) return fail(res, 422, error.userMessage(locale));
    throw error;
  }
}
