import type { IncomingMessage, ServerResponse } from "node:http";
import { formatError, type Locale, scopeOf } from "@xueji/shared";
import type { Database } from "../db/client";
import { userForToken } from "../services/auth/sessions";
import { decisionListExport } from "../services/exports/decision-list-export";
import { registrationExport } from "../services/exports/registration-export";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function fail(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(message);
}

/**
 * Downloads that open in Excel, for the registrar: `/api/export/registration.xlsx?academicYear=…`
 * (the 学信网 upload) and `/api/export/decisions.xlsx?ids=1,2&title=…` (a 公示 or 发文 list).
 */
export async function handleExport(
  req: IncomingMessage,
  res: ServerResponse,
  database: Database,
  token: string | null,
  locale: Locale,
): Promise<void> {
  const user = await userForToken(database.db, token);
  if (!user) return fail(res, 401, formatError("auth.required", {}, locale));
  if (!scopeOf("exports.read", user.role)) return fail(res, 403, formatError("auth.forbidden", { role: user.role }, locale));
  const url = new URL(req.url ?? "/", "http://localhost");
  let result: { file: Buffer } | null = null;
  let name = "";
  if (url.pathname === "/api/export/registration.xlsx") {
    const academicYear = url.searchParams.get("academicYear") ?? "";
    if (!/^\d{4}-\d{4}$/.test(academicYear)) return fail(res, 400, formatError("input.invalid", { problem: "academic-year" }, locale));
    result = await registrationExport(database.db, { academicYear });
    name = `学籍注册_${academicYear}.xlsx`;
  } else if (url.pathname === "/api/export/decisions.xlsx") {
    const ids = (url.searchParams.get("ids") ?? "")
      .split(",")
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0);
    const title = (url.searchParams.get("title") ?? "学籍异动名单").slice(0, 100);
    if (ids.length === 0 || ids.length > 5000)
      return fail(res, 400, formatError("input.invalid", { problem: "ids", maximum: 5000 }, locale));
    result = await decisionListExport(database.db, { applicationIds: ids, title });
    name = `${title}.xlsx`;
  } else return fail(res, 404, "未找到 / Not found");
  res.writeHead(200, { "content-type": XLSX, "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}` });
  res.end(result.file);
}
