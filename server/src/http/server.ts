import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { AppError, formatError } from "@xueji/shared";
import { todayInChina } from "../clock";
import { createContextInner, type RequestScope, requestScope } from "../context";
import type { Database } from "../db/client";
import { withPreEncodedText } from "../files/pre-encoded-text";
import { type StaticSite, serveStatic } from "../front-ends/static-files";
import { addinVersion, WPS_PLUGIN_PATH, wpsPluginsXml } from "../front-ends/wps-plugin";
import { type Logger, silentLogger } from "../logger";
import { appRouter } from "../router";
import { userForToken } from "../services/auth/sessions";
import type { Scheduler } from "../services/scheduler/scheduler";
import { describeError, MAX_BATCH_SIZE } from "../trpc";
import { handleExport } from "./export-routes";
import { checkHealth } from "./health";
import { createMetrics } from "./metrics";
import { logRequest, proceduresOf } from "./request-log";
import { type RequestMeta, readRequestMeta, sessionCookie } from "./request-meta";
import { crossSite, isFileUpload, type Refusal, refuseLargeUpload, refuseTrpcRequest, writeRefusal } from "./trpc-guards";

export { SESSION_COOKIE } from "./request-meta";

import { type SignOnConfig, signOnEnvFields } from "../services/auth/sign-on/sign-on-config";
import { signOnInForce } from "../services/auth/sign-on/sign-on-settings";
import { handleImports } from "./import-routes";
import { handleSignOn } from "./sign-on-routes";
import { handleVerify } from "./verify-routes";

// A 50,000-row sheet as JSON cells is about 30 MB.
const MAX_BODY = 64 * 1024 * 1024;

export interface HttpOptions {
  today?: () => string;
  /** Built front-ends: the task pane at `/addin/`, the dashboard at `/` (most specific prefix first). */
  sites?: StaticSite[];
  /** Where request lines go (pino); silent when absent. */
  logger?: Logger;
  /** Believe X-Forwarded-Proto/-For/-Host from the reverse proxy in front (default: XUEJI_TRUST_PROXY=1). */
  trustProxy?: boolean;
  /** Origins besides the server's own whose pages may use the session cookie (default: XUEJI_ALLOWED_ORIGINS, comma-separated). */
  allowedOrigins?: string[];
  /**
   * Campus sign-on (CAS, OIDC) and the password policy, fixed (tests). Default: read per request, the
   * administrator's stored settings with the XUEJI_CAS_*, XUEJI_OIDC_* variables over them.
   */
  signOn?: SignOnConfig;
  /** This process's scheduler, whose jobs `/api/health` reports (and warns of when late). */
  scheduler?: Pick<Scheduler, "jobs" | "startedAt">;
}

/** The HTTP face of the server: `/api/health`, `/api/metrics`, `/api/trpc/*`, `/api/export/record.xlsx` and the built front-ends. */
export function createHttpServer(database: Database, options: HttpOptions = {}): Server {
  const logger = options.logger ?? silentLogger;
  const trustProxy = options.trustProxy ?? process.env.XUEJI_TRUST_PROXY === "1";
  const allowedOrigins = options.allowedOrigins ?? (process.env.XUEJI_ALLOWED_ORIGINS?.split(",").map((o) => o.trim()) || []);
  // A variable no setting could hold stops the server at start, as the other variables do.
  signOnEnvFields();
  const fixed = options.signOn;
  const signOn = () => (fixed ? Promise.resolve(fixed) : signOnInForce(database.db));
  const metrics = createMetrics(database.db);
  const metaOf = new WeakMap<IncomingMessage, RequestMeta>();

  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/api/trpc/",
    maxBodySize: MAX_BODY,
    maxBatchSize: MAX_BATCH_SIZE,
    onError({ error, path }) {
      const scope = requestScope.getStore();
      // What the reader is not shown (a library's message; the tRPC code behind an "internal") goes
      // into this request's log line.
      const { appCode } = describeError(error, "en");
      const detail = error.cause instanceof AppError ? error.cause.detail : appCode === "internal" ? error.code : undefined;
      scope?.failures.push({ procedure: path ?? "(unknown)", code: appCode, ...(detail ? { detail } : {}) });
      if (error.code === "INTERNAL_SERVER_ERROR" && !(error.cause instanceof AppError))
        scope?.log.error({ err: error.cause ?? error, procedure: path }, "unexpected error");
    },
    createContext: async ({ req, res }) => {
      const meta = metaOf.get(req) ?? readRequestMeta(req, trustProxy);
      return createContextInner({
        db: database.db,
        engine: database.engine,
        token: meta.token,
        address: meta.address,
        locale: meta.locale,
        requestId: meta.requestId,
        today: options.today ?? (() => todayInChina()),
        setSessionCookie: (token, expiresAt, framed) => res.setHeader("Set-Cookie", sessionCookie(token, expiresAt, meta.https, framed)),
        origin: meta.origin,
        signOn: await signOn(),
      });
    },
  });

  function route(req: IncomingMessage, res: ServerResponse, meta: RequestMeta): void {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/api/health") {
      void checkHealth(database, (options.today ?? todayInChina)(), options.scheduler).then((health) =>
        sendJson(res, health.ok ? 200 : 503, health),
      );
      return;
    }
    if (url.pathname === "/api/metrics") {
      metrics.registry.metrics().then(
        (text) => {
          res.writeHead(200, { "content-type": metrics.registry.contentType });
          res.end(text);
        },
        (error: unknown) => fail(res, meta, error),
      );
      return;
    }
    if (url.pathname.startsWith("/api/export/") && req.method === "GET") {
      handleExport(req, res, database, meta.token, meta.locale).catch((error: unknown) => fail(res, meta, error));
      return;
    }
    if (handleVerify(req, res, database, meta.locale, meta.address)) return;
    if (handleSignOn(req, res, database, meta, signOn)) return;
    if (url.pathname.startsWith("/api/imports/")) {
      // The upload is a raw body any page can POST with the cookie: only this server's pages may.
      if (req.method === "POST" && crossSite(req, meta, allowedOrigins)) {
        res.writeHead(403, { "content-type": "text/plain; charset=utf-8" });
        res.end(formatError("auth.cross-site", {}, meta.locale));
        return;
      }
      handleImports(req, res, database, meta.token, meta.locale, options.today);
      return;
    }
    if (url.pathname.startsWith("/api/trpc/")) {
      const refusal = refuseTrpcRequest(req, meta, allowedOrigins) ?? refuseLargeUpload(req, url);
      // Answers hold records and personal data: no browser or proxy keeps them.
      res.setHeader("cache-control", "no-store");
      const refuse = (refusal: Refusal) => {
        for (const procedure of proceduresOf(url)) requestScope.getStore()?.failures.push({ procedure, code: refusal.code });
        writeRefusal(res, url, refusal, meta);
      };
      if (refusal) refuse(refusal);
      else if (!isFileUpload(req, url)) trpc(req, res);
      // A workbook of up to 25 MB is read only for a signed-in user: without this, anyone could make the
      // server buffer it before the procedure's own sign-in check runs. A file answer's large text (files.grid's
      // base64) is written as the bytes its thread made, not encoded again on the event loop (pre-encoded-text.ts).
      else
        userForToken(database.db, meta.token)
          .then((user) =>
            user ? withPreEncodedText(res, () => trpc(req, res)) : refuse({ status: 401, trpcCode: "UNAUTHORIZED", code: "auth.required" }),
          )
          .catch((error: unknown) => fail(res, meta, error));
      return;
    }
    if (url.pathname === `${WPS_PLUGIN_PATH}jsplugins.xml` && (req.method === "GET" || req.method === "HEAD")) {
      // WPS's plugin list, for the origin the school's WPS reaches this server at (oem.ini's JSPluginsServer).
      addinVersion()
        .then((version) => {
          res.writeHead(200, { "content-type": "application/xml; charset=utf-8", "cache-control": "no-cache" });
          res.end(
            req.method === "HEAD" ? undefined : wpsPluginsXml(process.env.XUEJI_PUBLIC_URL?.replace(/\/$/, "") || meta.origin, version),
          );
        })
        .catch((error: unknown) => fail(res, meta, error));
      return;
    }
    serveSites(options.sites ?? [], req, res)
      .then((served) => {
        if (served) return;
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
        res.end("未找到 / Not found");
      })
      .catch((error: unknown) => fail(res, meta, error));
  }

  return createServer((req, res) => {
    const meta = readRequestMeta(req, trustProxy);
    metaOf.set(req, meta);
    res.setHeader("X-Request-Id", meta.requestId);
    const scope: RequestScope = {
      requestId: meta.requestId,
      locale: meta.locale,
      userId: null,
      failures: [],
      log: logger.child({ requestId: meta.requestId }),
    };
    logRequest(req, res, scope, metrics);
    requestScope.run(scope, () => route(req, res, meta));
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/** An unexpected failure outside tRPC: logged with its stack, answered with the request id only. */
function fail(res: ServerResponse, meta: RequestMeta, error: unknown): void {
  requestScope.getStore()?.log.error({ err: error }, "unexpected error");
  if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
  res.end(`${formatError("internal", {}, meta.locale)}${formatError("request.id", { requestId: meta.requestId }, meta.locale)}`);
}

async function serveSites(sites: StaticSite[], req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  for (const site of sites) if (await serveStatic(site, req, res)) return true;
  return false;
}
