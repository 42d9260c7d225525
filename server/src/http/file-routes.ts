import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError, formatError, type Locale, type Scope, SHEET_KINDS, type SheetKind, scopeOf } from "@xueji/shared";
import type { z } from "zod";
import { todayInChina } from "../clock";
import { requestScope } from "../context";
import type { Database } from "../db/client";
import { type CellWrites, cellWritesInput } from "../files/fix-xlsx";
import { newSheetInput, worksheetName } from "../files/new-sheet-xlsx";
// The workbook work runs on the file pool's threads, never on the event loop (docs/operations.md "File work").
import { annotateWorkbook, checkAnswer, checkUpload, correctWorkbook, newSheetWorkbook, readUploadHead } from "../files/off-thread";
import { columnOverrideInput, termInput } from "../inputs/inputs";
import type { SessionUser } from "../services/auth/session-user";
import { userForToken } from "../services/auth/sessions";
import { inputProblemOf } from "../services/input-problem";
import { currentAcademicYear } from "../services/organisation/current-academic-year";
import { checkRulesInForce, templatesInForce } from "../services/sheets/check-sheet";
import { fileCheckAnswer } from "../services/sheets/file-check-answer";
import { reportWithRecord } from "../services/sheets/report-with-record";
import { refuse, refuseAppError } from "./plain-refusal";
import { readBody } from "./read-body";

/** A 50,000-row roster is about 4 MB as .xlsx and 8 MB as CSV; nothing a college sends is near this. */
export const MAX_UPLOAD = 25 * 1024 * 1024;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const ACTIONS = ["check", "annotate", "fix", "new-sheet"];

/**
 * Users with a file request running in this process: each route reads or writes a whole workbook,
 * so one user gets one at a time (a second is refused, 429) and cannot fill the pool's queue alone.
 */
const busy = new Set<number>();

/**
 * The task pane's file mode (WPS 表格, LibreOffice, any browser), with the raw file as the body
 * and its name in `?name=`: `POST /api/files/check` → the `xueji validate --json` report (with
 * `?term=`, the record's checks in it too) and the grid's header rows; with `?grid=all`, the whole grid
 * as read (the pane submits that grid through `sheets.submit`); `POST /api/files/annotate` →
 * the annotated copy (.xlsx); `POST /api/files/fix` (multipart: `file` and the `fixes` the pane
 * showed, as JSON) → the corrected copy (.xlsx; headers `x-xueji-fixed`, `x-xueji-formula-cells`);
 * `POST /api/files/new-sheet` (JSON: the pane's new-sheet description) → a new check sheet (.xlsx).
 * Bearer token or session cookie (whose Origin server.ts has checked), permission `sheets.validate`.
 * docs/architecture.md "File routes" describes them.
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
    else refuse(res, 500, formatError("internal", {}, locale), locale);
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
  if (req.method !== "POST" || !ACTIONS.includes(action)) return refuse(res, 404, "未找到 / Not found");
  const user = await userForToken(database.db, token);
  if (!user) return refuse(res, 401, formatError("auth.required", {}, locale), locale);
  const request = requestScope.getStore();
  if (request) request.userId = user.id; // the request's log line says whose file it was
  const scope = scopeOf("sheets.validate", user.role);
  if (!scope) return refuse(res, 403, formatError("auth.forbidden", { role: user.role }, locale), locale);
  if (busy.has(user.id)) {
    requestScope.getStore()?.failures.push({ procedure: `files.${action}`, code: "request.busy" });
    req.resume(); // the body is not wanted; let it drain so the answer reaches the client
    return refuse(res, 429, formatError("request.busy", {}, locale), locale);
  }
  busy.add(user.id);
  try {
    await serveFile(req, res, database, url, action, locale, today, user, scope);
  } finally {
    busy.delete(user.id);
  }
}

async function serveFile(
  req: IncomingMessage,
  res: ServerResponse,
  database: Database,
  url: URL,
  action: string,
  locale: Locale,
  today: () => string,
  user: SessionUser,
  scope: Scope,
): Promise<void> {
  const declared = Number(req.headers["content-length"] ?? 0);
  const tooLarge = formatError("input.invalid", { problem: "file-too-large", mb: MAX_UPLOAD / 1024 / 1024 }, locale);
  if (declared > MAX_UPLOAD) return refuse(res, 413, tooLarge, locale);
  const body = await readBody(req, MAX_UPLOAD);
  if (!body) return refuse(res, 413, tooLarge, locale);
  const kindParam = url.searchParams.get("kind");
  const kind = kindParam && SHEET_KINDS.includes(kindParam as SheetKind) ? (kindParam as SheetKind) : undefined;
  const columnsParam = url.searchParams.get("columns");
  try {
    // The secretary's own column mapping (JSON: letter → field or null), checked as sheets.validate checks it.
    const columns = columnsParam ? parseInput(columnOverrideInput, jsonOf(Buffer.from(columnsParam)), ["columns"]) : undefined;
    if (action === "new-sheet") {
      const spec = parseInput(newSheetInput, jsonOf(body));
      return sendWorkbook(res, await newSheetWorkbook(spec), `${worksheetName(spec.name)}.xlsx`);
    }
    let fileName = (url.searchParams.get("name") ?? "").slice(0, 255);
    let bytes = body;
    let writes: CellWrites = [];
    if (action === "fix") {
      // multipart/form-data: the secretary's file and the fixes she saw (as JSON).
      const form = await new Response(new Uint8Array(body), { headers: { "content-type": String(req.headers["content-type"] ?? "") } })
        .formData()
        .catch(() => null);
      const file = form?.get("file");
      if (!form || !file || typeof file === "string") throw new AppError("input.invalid", { problem: "request" });
      bytes = Buffer.from(await file.arrayBuffer());
      fileName = (file.name || fileName).slice(0, 255);
      writes = parseInput(cellWritesInput, jsonOf(Buffer.from(String(form.get("fixes") ?? ""))), ["fixes"]);
    }
    // The term the pane checks for (`?term=`): its academic year's rules, and the record's checks for her college.
    const termParam = url.searchParams.get("term");
    const termCode = termParam ? parseInput(termInput, termParam, ["term"]) : null;
    // The 核对规则 in force that academic year (this one without a term), as the server's own sheet checks use them.
    const academicYear = termCode?.slice(0, 9) ?? (await currentAcademicYear(database.db, today()));
    const { ageLimits } = await checkRulesInForce(database.db, academicYear);
    const options = { today: today(), locale, ageLimits, columns, ...(kind ? { kind } : {}) };
    if (action === "check" && url.searchParams.get("grid") === "all") {
      // The whole grid (what 一键修正 plans on and 提交 sends). The answer, up to 100,000 rows as JSON,
      // is built on the thread: the event loop only sends its bytes.
      const answer = await checkAnswer(bytes, fileName, options);
      res.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
      res.end(answer);
      return;
    }
    const collegeId = termCode && scope === "own-college" ? user.collegeId : null;
    if (action === "check") {
      // One reading gives the sheet's checks and the record's, with the templates in force for the term
      // (sheets.validate's verdict); only the header's rows of the grid go back.
      const templates = collegeId !== null ? await templatesInForce(database.db, academicYear) : undefined;
      const read = await readUploadHead(bytes, fileName, { ...options, ...(templates ? { templates } : {}) });
      const answer = await fileCheckAnswer(database.db, read, {
        locale,
        record: collegeId !== null && templates ? { collegeId, templates } : null,
      });
      res.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
      res.end(JSON.stringify(answer));
      return;
    }
    const checked = await checkUpload(bytes, fileName, options);
    const source = { bytes, fileName, sheet: checked.report.sheet, grid: checked.grid };
    const stem = fileName.replace(/\.(xlsx|xlsm|csv)$/i, "");
    if (action === "fix") {
      const copy = await correctWorkbook(source, writes);
      // What was written and which cells were left alone (formulas), for the pane's notice.
      res.setHeader("x-xueji-fixed", String(copy.written));
      res.setHeader("x-xueji-formula-cells", copy.formulas.slice(0, 200).join(","));
      return sendWorkbook(res, copy.file, `${fixedStem(stem)}_${locale === "en" ? "fixed" : "已修正"}.xlsx`);
    }
    // With the term the pane checks for (`?term=`), the copy carries the record's issues too, as the pane shows them.
    const report =
      termCode && collegeId !== null
        ? await reportWithRecord(database.db, {
            report: checked.report,
            grid: checked.grid,
            collegeId,
            termCode,
            today: today(),
            locale,
            kind,
            columns,
          })
        : checked.report;
    const file = await annotateWorkbook({ ...source, report, locale });
    sendWorkbook(res, file, `${stem}_${locale === "en" ? "checked" : "检查结果"}.xlsx`);
  } catch (error) {
    // The reader gets the localised message; what the library said goes to the request's log line.
    if (error instanceof AppError) return refuseAppError(res, error, `files.${action}`, locale);
    throw error;
  }
}

/** A copy fixed again keeps one suffix: 名单_已修正.xlsx, not 名单_已修正_已修正.xlsx. */
function fixedStem(stem: string): string {
  return stem.replace(/_(已修正|fixed)$/, "");
}

function sendWorkbook(res: ServerResponse, file: Buffer, name: string): void {
  res.writeHead(200, {
    "content-type": XLSX,
    "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
    "cache-control": "no-store",
  });
  res.end(file);
}

function jsonOf(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new AppError("input.invalid", { problem: "not-json" });
  }
}

function parseInput<T>(schema: z.ZodType<T>, value: unknown, prefix: string[] = []): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError("input.invalid", inputProblemOf(parsed.error, prefix));
  return parsed.data;
}
