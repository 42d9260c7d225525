import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError, formatError, type Locale, scopeOf } from "@xueji/shared";
import { z } from "zod";
import { requestScope } from "../context";
import type { Database } from "../db/client";
import { dateInput, textInput } from "../inputs/inputs";
import { type Actor, recordEvent } from "../services/audit-log/record-event";
import { userForToken } from "../services/auth/sessions";
import { databaseRefusal } from "../services/database-refusal";
import { decisionListExport } from "../services/exports/decision-list-export";
import { recordExport } from "../services/exports/record-export";
import { registrationExport } from "../services/exports/registration-export";
import { idInput } from "../services/ids";
import { inputProblemOf } from "../services/input-problem";
import { headcountExport } from "../services/reports/headcount-export";
import { refuse, refuseAppError } from "./plain-refusal";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** A 公示 or 发文 list names at most this many applications (a whole school's term is a few thousand). */
export const MAX_DECISION_IDS = 20_000;
/** Enough for MAX_DECISION_IDS ids and a title; a larger body is refused before it is read whole. */
const MAX_BODY_BYTES = 512 * 1024;

const decisionsInput = z.object({
  ids: z.array(idInput).min(1).max(MAX_DECISION_IDS),
  title: textInput(100, 1).default("学籍异动名单"),
});

class BodyTooLarge extends Error {}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

/** The ids and title of a decision list: a JSON body (POST, any number of ids) or the query (GET, a short list). */
async function decisionsRequest(req: IncomingMessage, url: URL): Promise<unknown> {
  if (req.method === "POST") return readJsonBody(req);
  const ids = (url.searchParams.get("ids") ?? "").split(",").filter(Boolean).map(Number);
  const title = url.searchParams.get("title");
  return { ids, ...(title !== null ? { title } : {}) };
}

/**
 * Downloads that open in Excel, for the registrar: `GET /api/export/registration.xlsx?academicYear=…[&collegeId=…]`
 * (the 学信网 upload) and `/api/export/decisions.xlsx` (a 公示 or 发文 list): `POST` with a JSON
 * body `{ "ids": [1, 2, …], "title": "…" }` for any list (thousands of ids do not fit in a URL —
 * Node refuses headers past 16 KB), or `GET ?ids=1,2&title=…` for a short one.
 * `GET /api/export/headcount.xlsx?date=…` is 学籍统计 (seed 001 十); `GET /api/export/record.xlsx` the whole record.
 */
export async function handleExport(
  req: IncomingMessage,
  res: ServerResponse,
  database: Database,
  token: string | null,
  locale: Locale,
): Promise<void> {
  const user = await userForToken(database.db, token);
  if (!user) return refuse(res, 401, formatError("auth.required", {}, locale), locale);
  const scope = requestScope.getStore();
  if (scope) scope.userId = user.id; // the request's log line says who downloaded
  const actor: Actor = { userId: user.id, role: user.role, requestId: scope?.requestId ?? null };
  // 学籍统计 is counts, not personal data: whoever may read the headcount page may download it (the school leader).
  const needs = new URL(req.url ?? "/", "http://localhost").pathname === "/api/export/headcount.xlsx" ? "reports.read" : "exports.read";
  if (!scopeOf(needs, user.role)) return refuse(res, 403, formatError("auth.forbidden", { role: user.role }, locale), locale);
  try {
    await serveExport(req, res, database, locale, actor);
  } catch (error) {
    // A refusal the export itself raised (a setting missing, a list it cannot make) is the reader's to read.
    if (error instanceof AppError) return refuseAppError(res, error, "export", locale);
    const refused = databaseRefusal(error);
    if (refused) {
      requestScope.getStore()?.failures.push({ procedure: "export", code: refused.code, detail: refused.detail ?? "" });
      return refuse(res, 400, refused.userMessage(locale), locale);
    }
    throw error;
  }
}

/** One audit event per download of personal data: what file, with what filter, by whom. */
function auditDownload(database: Database, actor: Actor, name: string, after: Record<string, unknown>): Promise<void> {
  return recordEvent(database.db, actor, { action: "export.download", entity: "export", entityId: name, after });
}

async function serveExport(req: IncomingMessage, res: ServerResponse, database: Database, locale: Locale, actor: Actor): Promise<void> {
  const url = new URL(req.url ?? "/", "http://localhost");
  let result: { file: Buffer } | null = null;
  let name = "";
  if (url.pathname === "/api/export/registration.xlsx" && req.method === "GET") {
    const academicYear = url.searchParams.get("academicYear") ?? "";
    if (!/^\d{4}-\d{4}$/.test(academicYear))
      return refuse(res, 400, formatError("input.invalid", { problem: "academic-year" }, locale), locale);
    // One college's students when `collegeId` is given (the 注册 page's college filter).
    const college = url.searchParams.get("collegeId");
    const collegeId = college === null || college === "" ? undefined : idInput.safeParse(Number(college)).data;
    if (college !== null && college !== "" && collegeId === undefined)
      return refuse(res, 400, formatError("input.invalid", { problem: "not-an-id", path: "collegeId" }, locale), locale);
    result = await registrationExport(database.db, { academicYear, collegeId });
    name = `学籍注册_${academicYear}${collegeId !== undefined ? `_${collegeId}` : ""}.xlsx`;
    // Every student's full ID number leaves the server: who took it, and when, is on the audit chain.
    await auditDownload(database, actor, name, { academicYear, ...(collegeId !== undefined ? { collegeId } : {}) });
  } else if (url.pathname === "/api/export/decisions.xlsx" && (req.method === "GET" || req.method === "POST")) {
    if (req.method === "POST" && !/^application\/json\b/i.test(req.headers["content-type"] ?? ""))
      return refuse(res, 415, formatError("input.invalid", { problem: "not-json" }, locale), locale);
    let body: unknown;
    try {
      body = await decisionsRequest(req, url);
    } catch (error) {
      const problem = error instanceof BodyTooLarge ? "too-large" : "not-json";
      return refuse(res, error instanceof BodyTooLarge ? 413 : 400, formatError("input.invalid", { problem }, locale), locale);
    }
    const parsed = decisionsInput.safeParse(body);
    if (!parsed.success) return refuse(res, 400, formatError("input.invalid", inputProblemOf(parsed.error), locale), locale);
    result = await decisionListExport(database.db, { applicationIds: parsed.data.ids, title: parsed.data.title });
    name = `${parsed.data.title}.xlsx`;
    await auditDownload(database, actor, name, { applications: parsed.data.ids.length });
  } else if (url.pathname === "/api/export/headcount.xlsx") {
    // 学籍统计 as of a date (seed 001 十).
    const date = url.searchParams.get("date") ?? "";
    // A date that exists (2025-02-30 is refused here, not by PostgreSQL as an internal error).
    if (!dateInput.safeParse(date).success) return refuse(res, 400, formatError("input.invalid", { problem: "date" }, locale), locale);
    result = await headcountExport(database.db, { date });
    name = `学籍统计_${date}.xlsx`;
  } else if (url.pathname === "/api/export/record.xlsx" && req.method === "GET") {
    // The whole record (学生, 学籍变动, 学籍异动, 异动审批, 毕业审核, 学院, 专业, 班级); its 学生 sheet imports back.
    result = { file: await recordExport(database.db) };
    name = `学籍档案_${new Date().toISOString().slice(0, 10)}.xlsx`;
  } else return refuse(res, 404, "未找到 / Not found");
  res.writeHead(200, { "content-type": XLSX, "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}` });
  res.end(result.file);
}
