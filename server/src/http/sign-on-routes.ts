import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "@xueji/shared";
import { requestScope } from "../context";
import type { Database } from "../db/client";
import { casCampusId, casLoginUrl, logoutRequestTicket, validateCasTicket } from "../services/auth/sign-on/cas";
import { beginOidc, finishOidc } from "../services/auth/sign-on/oidc";
import {
  accountFor,
  finishSignOn,
  returnPath,
  type SignOnClient,
  type SignOnProtocol,
  singleSignOut,
  startFlow,
  takeFlow,
  useTicketOnce,
} from "../services/auth/sign-on/sign-on";
import type { SignOnConfig } from "../services/auth/sign-on/sign-on-config";
import { readBody } from "./read-body";
import { type RequestMeta, sessionCookie } from "./request-meta";

/** The browser's half of a sign-on under way: only sent back to the sign-on routes. */
const FLOW_COOKIE = "xueji_sign_on";
const PATHS = /^\/api\/auth\/(cas|oidc)\/(login|callback)$/;

/**
 * Campus sign-on (统一身份认证): `/api/auth/{cas,oidc}/login` sends the browser to the portal,
 * `/api/auth/{cas,oidc}/callback` is where it comes back (and where CAS posts its single sign-out).
 * The dashboard gets its session cookie; the task pane (`?client=pane`, or `pane-dialog` from Excel's
 * dialog window) a one-time code at `/addin/`.
 * Returns false for any other path.
 */
export function handleSignOn(
  req: IncomingMessage,
  res: ServerResponse,
  database: Database,
  meta: RequestMeta,
  configInForce: () => Promise<SignOnConfig>,
): boolean {
  const url = new URL(req.url ?? "/", "http://localhost");
  const match = PATHS.exec(url.pathname);
  if (!match) return false;
  const protocol = match[1] as SignOnProtocol;
  const step = match[2] as "login" | "callback";
  // Who gets the answer: named by the login; at the callback, by the sign-on the browser started.
  const asked = url.searchParams.get("client");
  const asker: { client: SignOnClient } = { client: asked === "pane" || asked === "pane-dialog" ? asked : "dashboard" };
  const run = async () => {
    const config = await configInForce();
    if (!config[protocol]) throw new AppError("auth.sign-on-off");
    if (step === "login") return login(res, database, meta, config, protocol, asker.client, returnPath(url.searchParams.get("return")));
    if (protocol === "cas" && req.method === "POST") return casLogout(req, res, database, meta);
    return callback(req, res, database, meta, config, protocol, url, asker);
  };
  run().catch((error: unknown) => refuse(res, meta, error, asker.client));
  return true;
}

const serviceUrl = (meta: RequestMeta, protocol: SignOnProtocol) => `${meta.origin}/api/auth/${protocol}/callback`;

function flowCookie(value: string | null, secure: boolean): string {
  const attributes = `Path=/api/auth/; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
  return value ? `${FLOW_COOKIE}=${value}; ${attributes}; Max-Age=600` : `${FLOW_COOKIE}=; ${attributes}; Max-Age=0`;
}

async function login(
  res: ServerResponse,
  database: Database,
  meta: RequestMeta,
  config: SignOnConfig,
  protocol: SignOnProtocol,
  client: SignOnClient,
  returnTo: string | null,
): Promise<void> {
  let target: string;
  let flowId: string;
  if (protocol === "cas" && config.cas) {
    flowId = await startFlow(database.db, { protocol, client, returnTo });
    target = casLoginUrl(config.cas, serviceUrl(meta, "cas"));
  } else if (config.oidc) {
    const begun = await beginOidc(config.oidc, serviceUrl(meta, "oidc"), config.insecure);
    flowId = await startFlow(database.db, { protocol, client, checks: begun.checks, returnTo });
    target = begun.url;
  } else throw new AppError("auth.sign-on-off");
  res.writeHead(302, { location: target, "set-cookie": flowCookie(flowId, meta.https), "cache-control": "no-store" });
  res.end();
}

async function callback(
  req: IncomingMessage,
  res: ServerResponse,
  database: Database,
  meta: RequestMeta,
  config: SignOnConfig,
  protocol: SignOnProtocol,
  url: URL,
  asker: { client: SignOnClient },
): Promise<void> {
  const { db } = database;
  const flow = await takeFlow(db, cookieValue(req.headers.cookie, FLOW_COOKIE), protocol);
  asker.client = flow.client;
  let campusId: string;
  let ticketHash: string | null = null;
  let idToken: string | null = null;
  if (protocol === "cas" && config.cas) {
    const ticket = url.searchParams.get("ticket");
    if (!ticket || ticket.length > 256) throw new AppError("auth.sign-on-failed", {}, "CAS: no ticket");
    ticketHash = await useTicketOnce(db, ticket);
    // The service named here is the one the login sent, character for character (CAS compares exactly).
    campusId = casCampusId(await validateCasTicket(config.cas, ticket, serviceUrl(meta, "cas")), config.cas);
  } else if (config.oidc && flow.state && flow.nonce && flow.codeVerifier) {
    const code = url.searchParams.get("code");
    if (code) await useTicketOnce(db, `oidc:${code}`);
    // openid-client compares the callback with the redirect URI, so it is rebuilt on the public origin.
    const callbackUrl = new URL(`${serviceUrl(meta, "oidc")}${url.search}`);
    const checks = { state: flow.state, nonce: flow.nonce, codeVerifier: flow.codeVerifier };
    const finished = await finishOidc(config.oidc, callbackUrl, checks, config.insecure);
    campusId = finished.campusId;
    idToken = finished.idToken;
  } else throw new AppError("auth.sign-on-stale", {}, "flow without its checks");
  const requestId = meta.requestId;
  const user = await accountFor(db, campusId, { contact: config.contact, method: protocol, requestId });
  const done = await finishSignOn(db, user, { protocol, client: flow.client, ticketHash, idToken }, { address: meta.address, requestId });
  const scope = requestScope.getStore();
  if (scope) scope.userId = user.id;
  const cookies = [flowCookie(null, meta.https)];
  let location: string;
  if (done.client === "dashboard") {
    cookies.push(...sessionCookie(done.token, done.expiresAt, meta.https));
    // Back to the page the reader came from (a reminder's link to an application), or the start page.
    location = flow.returnTo ?? "/";
  } else
    location = `${paneLanding(done.client)}?sign-on=${encodeURIComponent(done.code)}${done.client === "pane-dialog" ? "&dialog=1" : ""}`;
  res.writeHead(302, { location, "set-cookie": cookies, "cache-control": "no-store" });
  res.end();
}

/** CAS single sign-out: the CAS server posts `logoutRequest` naming the ticket whose sessions end. */
async function casLogout(req: IncomingMessage, res: ServerResponse, database: Database, meta: RequestMeta): Promise<void> {
  const body = await readBody(req, 64 * 1024);
  const logoutRequest = body ? new URLSearchParams(body.toString("utf8")).get("logoutRequest") : null;
  const ticket = logoutRequest ? logoutRequestTicket(logoutRequest) : null;
  if (!ticket) {
    res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
    res.end("not a CAS logoutRequest");
    return;
  }
  const ended = await singleSignOut(database.db, ticket, meta.requestId);
  requestScope.getStore()?.log.info({ ended }, "CAS single sign-out");
  res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
  res.end("ok");
}

/**
 * A refused sign-on goes back to the sign-in page it came from, which says why in the reader's
 * language; the technical detail goes into this request's log line.
 */
function refuse(res: ServerResponse, meta: RequestMeta, error: unknown, client: SignOnClient): void {
  const scope = requestScope.getStore();
  if (!(error instanceof AppError)) {
    scope?.log.error({ err: error }, "unexpected error in sign-on");
    error = new AppError("auth.sign-on-failed", {}, String(error));
  }
  const problem = error as AppError;
  scope?.failures.push({ procedure: "sign-on", code: problem.code, ...(problem.detail ? { detail: problem.detail } : {}) });
  const query = new URLSearchParams({ "sign-on-error": problem.code });
  for (const [key, value] of Object.entries(problem.params ?? {})) if (key !== "contact") query.set(key, String(value));
  if (client === "pane-dialog") query.set("dialog", "1");
  const location = `${client === "dashboard" ? "/" : paneLanding(client)}?${query}`;
  if (res.headersSent) return void res.end();
  res.writeHead(302, { location, "set-cookie": flowCookie(null, meta.https), "cache-control": "no-store" });
  res.end();
}

/** Excel's dialog window needs office.js to answer the pane (taskpane.html); a plain browser, the file-mode page. */
function paneLanding(client: "pane" | "pane-dialog"): string {
  return client === "pane-dialog" ? "/addin/taskpane.html" : "/addin/";
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of header?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=") || null;
  }
  return null;
}
