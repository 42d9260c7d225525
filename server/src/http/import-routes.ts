import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError, formatError, IMPORT_KINDS, type ImportKind, type Locale, scopeOf } from "@xueji/shared";
import { todayInChina } from "../clock";
import { requestScope } from "../context";
import type { Database } from "../db/client";
import { userForToken } from "../services/auth/sessions";
import { importFile, previewImport } from "../services/imports/run-import";
import { refuse, refuseAppError } from "./plain-refusal";
import { readBody } from "./read-body";

/**
 * A results file of two million rows is about 60 MB as .xlsx and 140 MB as CSV; past this a file is
 * refused before it is read, as the file procedures refuse theirs (MAX_UPLOAD, server/src/files/upload-form.ts).
 */
export const MAX_IMPORT_UPLOAD = 160 * 1024 * 1024;

/**
 * 导入 (dashboard and `xueji import`): `POST /api/imports/preview?kind=K&name=F[&pattern=P]` with the
 * raw .xlsx/.csv as the body → JSON `{ id, report }`, the dry run (the file is kept with it; the
 * registrar confirms with `imports.commit`). `GET /api/imports/file?id=N` → the file as uploaded.
 * Permission `imports.write`; accounts (`kind=users`) also `users.manage`.
 */
export function handleImports(
  req: IncomingMessage,
  res: ServerResponse,
  database: Database,
  token: string | null,
  locale: Locale,
  today: () => string = () => todayInChina(),
): void {
  serve(req, res, database, token, locale, today).catch((error: unknown) => {
    requestScope.getStore()?.log.error({ err: error }, "unexpected error");
    if (res.headersSent) res.end();
    else refuse(res, 500, formatError("internal", {}, locale), locale);
  });
}

async function serve(
  req: IncomingMessage,
  res: ServerResponse,
  database: Database,
  token: string | null,
  locale: Locale,
  today: () => string,
): Promise<void> {
  const url = new URL(req.url ?? "/", "http://localhost");
  const action = url.pathname.replace("/api/imports/", "");
  const allowed = (action === "preview" && req.method === "POST") || (action === "file" && req.method === "GET");
  if (!allowed) return refuse(res, 404, "未找到 / Not found");
  const user = await userForToken(database.db, token);
  if (!user) return refuse(res, 401, formatError("auth.required", {}, locale), locale);
  if (!scopeOf("imports.write", user.role)) return refuse(res, 403, formatError("auth.forbidden", { role: user.role }, locale), locale);
  try {
    if (action === "file") {
      const file = await importFile(database.db, Number(url.searchParams.get("id")) || 0);
      res.writeHead(200, {
        "content-type": "application/octet-stream",
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "cache-control": "no-store",
      });
      res.end(file.file);
      return;
    }
    const kind = url.searchParams.get("kind") as ImportKind;
    if (!IMPORT_KINDS.includes(kind)) throw new AppError("input.invalid", { problem: "request" });
    if (kind === "users" && !scopeOf("users.manage", user.role))
      return refuse(res, 403, formatError("auth.forbidden", { role: user.role }, locale), locale);
    const tooLarge = formatError("input.invalid", { problem: "file-too-large", mb: MAX_IMPORT_UPLOAD / 1024 / 1024 }, locale);
    if (Number(req.headers["content-length"] ?? 0) > MAX_IMPORT_UPLOAD) return refuse(res, 413, tooLarge, locale);
    const body = await readBody(req, MAX_IMPORT_UPLOAD);
    if (!body) return refuse(res, 413, tooLarge, locale);
    const fileName = (url.searchParams.get("name") ?? "").slice(0, 255);
    const pattern = url.searchParams.get("pattern")?.slice(0, 60) || null;
    const result = await previewImport(
      database.db,
      { userId: user.id, role: user.role, requestId: requestScope.getStore()?.requestId ?? null },
      { kind, fileName, bytes: body, options: pattern ? { pattern } : {}, today: today() },
    );
    res.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
    res.end(JSON.stringify(result));
  } catch (error) {
    if (error instanceof AppError) return refuseAppError(res, error, `imports.${action}`, locale);
    throw error;
  }
}
