import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { formatError, type Locale } from "@xueji/shared";
import { sql } from "drizzle-orm";
import { todayInChina } from "../clock";
import { createContextInner } from "../context";
import type { Database } from "../db/client";
import { type StaticSite, serveStatic } from "../front-ends/static-files";
import { appRouter } from "../router";
import { handleExport } from "./export-routes";
import { handleFiles } from "./file-routes";

export const SESSION_COOKIE = "xueji_session";
// A 50,000-row sheet as JSON cells is about 30 MB.
const MAX_BODY = 64 * 1024 * 1024;

function tokenOf(req: IncomingMessage): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith("Bearer ")) return auth.slice(7).trim();
  const cookie = req.headers.cookie?.split(";").map((c) => c.trim().split("=")) ?? [];
  return cookie.find(([k]) => k === SESSION_COOKIE)?.[1] ?? null;
}

function localeOf(req: IncomingMessage): Locale {
  return /^en\b/i.test(req.headers["accept-language"] ?? "") ? "en" : "zh-CN";
}

export interface HttpOptions {
  today?: () => string;
  /** Built front-ends: the task pane at `/addin/`, the dashboard at `/` (most specific prefix first). */
  sites?: StaticSite[];
}

/** The HTTP face of the server: `/api/health`, `/api/trpc/*`, `/api/export/*` and the built front-ends. */
export function createHttpServer(database: Database, options: HttpOptions = {}): Server {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/api/trpc/",
    maxBodySize: MAX_BODY,
    createContext: ({ req, res }) =>
      createContextInner({
        db: database.db,
        engine: database.engine,
        token: tokenOf(req),
        address: req.socket.remoteAddress ?? "unknown",
        locale: localeOf(req),
        today: options.today ?? (() => todayInChina()),
        setSessionCookie: (token, expiresAt) => {
          const attributes = "Path=/; HttpOnly; SameSite=Lax";
          res.setHeader(
            "Set-Cookie",
            token
              ? `${SESSION_COOKIE}=${token}; ${attributes}; Expires=${expiresAt?.toUTCString()}`
              : `${SESSION_COOKIE}=; ${attributes}; Max-Age=0`,
          );
        },
      }),
  });

  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/api/health") {
      database.db
        .execute(sql`select 1`)
        .then(() => {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify({ ok: true, db: database.engine, version: "0.1.0" }));
        })
        .catch(() => {
          res.writeHead(503, { "content-type": "application/json" });
          res.end(JSON.stringify({ ok: false, db: database.engine }));
        });
      return;
    }
    if (url.pathname.startsWith("/api/export/") && req.method === "GET") {
      handleExport(req, res, database, tokenOf(req), localeOf(req)).catch(() => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
        res.end(formatError("internal", { detail: "export" }, localeOf(req)));
      });
      return;
    }
    if (url.pathname.startsWith("/api/files/")) return handleFiles(req, res, database, tokenOf(req), localeOf(req), options.today);
    if (url.pathname.startsWith("/api/trpc/")) {
      trpc(req, res);
      return;
    }
    serveSites(options.sites ?? [], req, res)
      .then((served) => {
        if (served) return;
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
        res.end("未找到 / Not found");
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
        res.end();
      });
  });
}

async function serveSites(sites: StaticSite[], req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  for (const site of sites) if (await serveStatic(site, req, res)) return true;
  return false;
}
