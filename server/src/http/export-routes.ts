import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError, formatError, type Locale, scopeOf } from "@xueji/shared";
import { requestScope } from "../context";
import type { Database } from "../db/client";
import { type Actor, recordEvent } from "../services/audit-log/record-event";
import { userForToken } from "../services/auth/sessions";
import { databaseRefusal } from "../services/database-refusal";
import { readRecord, writeRecord } from "../services/exports/record-export";
import { refuse, refuseAppError } from "./plain-refusal";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * `GET /api/export/record.xlsx`: the whole record, sent as a file. It is the one download that is no
 * procedure: at a school's size it runs to tens of megabytes, which no JSON answer (base64, a third larger,
 * parsed whole by the browser) should carry. The
 * registrar's other workbooks (学信网 upload, 公示/发文 lists, 学籍统计) are procedures answering base64.
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
  if (!scopeOf("exports.read", user.role)) return refuse(res, 403, formatError("auth.forbidden", { role: user.role }, locale), locale);
  try {
    await serveExport(req, res, database, actor);
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

async function serveExport(req: IncomingMessage, res: ServerResponse, database: Database, actor: Actor): Promise<void> {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname !== "/api/export/record.xlsx" || req.method !== "GET") return refuse(res, 404, "未找到 / Not found");
  // The whole record (学生, 学籍变动, 学籍异动, 异动审批, 毕业审核, 学院, 专业, 班级); its 学生 sheet imports back.
  const sheets = await readRecord(database.db);
  const name = `学籍档案_${new Date().toISOString().slice(0, 10)}.xlsx`;
  // Every student's full ID number leaves the server: who took it, and when, is on the audit chain.
  await recordEvent(database.db, actor, { action: "export.download", entity: "export", entityId: name, after: { record: true } });
  // The download starts at once and is written as it is made; a failure half-way cuts the download short (the
  // browser says it failed) rather than leaving a file that looks whole.
  res.writeHead(200, { "content-type": XLSX, "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}` });
  await writeRecord(sheets, res).catch((error: unknown) => {
    res.destroy(error instanceof Error ? error : new Error(String(error)));
  });
}
