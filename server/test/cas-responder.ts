import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A small CAS 3.0 server for the tests (Apereo's protocol, on loopback): a login form that issues a
 * service ticket to whoever it is told, `serviceValidate` / `p3/serviceValidate` that honours a
 * ticket once, for its own service only and before it expires, and the single sign-out POST.
 */
export interface CasResponder {
  /** Base URL, e.g. http://127.0.0.1:1234/cas (what XUEJI_CAS_URL would be). */
  url: string;
  /** Attributes released for a user (3.0), e.g. { employeeNumber: "T001" }. */
  attributes: Map<string, Record<string, string>>;
  /** How long a ticket lives (CAS's default is 10 s). */
  ticketSeconds: number;
  /** When set, every validation is answered with this body instead of the true answer. */
  forgedAnswer: string | null;
  /** Issues a ticket for `user` at `service`, as the login form does. */
  issue(user: string, service: string): string;
  /** The tickets issued, newest last, with the service each was for. */
  issued: Array<{ ticket: string; service: string; user: string }>;
  /** Posts a single sign-out for `ticket` to the service it was issued for; resolves to the HTTP status. */
  signOut(ticket: string): Promise<number>;
  close(): Promise<void>;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export async function startCasResponder(): Promise<CasResponder> {
  const tickets = new Map<string, { service: string; user: string; expires: number; used: boolean }>();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://cas");
    const service = url.searchParams.get("service") ?? "";
    if (url.pathname === "/cas/login" && req.method === "GET") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(
        `<!doctype html><title>统一身份认证</title><form method="post"><input type="hidden" name="service" value="${esc(service)}">` +
          `<label>工号 <input name="username"></label><label>密码 <input name="password" type="password"></label><button>登录</button></form>`,
      );
      return;
    }
    if (url.pathname === "/cas/login" && req.method === "POST") {
      const form = new URLSearchParams(await text(req));
      const target = form.get("service") ?? "";
      const ticket = responder.issue(form.get("username") ?? "", target);
      const back = new URL(target);
      back.searchParams.set("ticket", ticket);
      res.writeHead(302, { location: back.toString() });
      res.end();
      return;
    }
    if (url.pathname === "/cas/serviceValidate" || url.pathname === "/cas/p3/serviceValidate") {
      res.writeHead(200, { "content-type": "application/xml; charset=utf-8" });
      if (responder.forgedAnswer !== null) return void res.end(responder.forgedAnswer);
      const ticket = url.searchParams.get("ticket") ?? "";
      const held = tickets.get(ticket);
      const fail = (code: string, why: string) =>
        res.end(
          `<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationFailure code="${code}">${esc(why)}</cas:authenticationFailure></cas:serviceResponse>`,
        );
      if (!held || held.used || held.expires < Date.now()) {
        if (held) held.used = true;
        return void fail("INVALID_TICKET", `Ticket ${ticket} not recognized`);
      }
      held.used = true;
      if (held.service !== service) return void fail("INVALID_SERVICE", `Ticket ${ticket} does not match supplied service`);
      const attributes = url.pathname.includes("/p3/") ? (responder.attributes.get(held.user) ?? {}) : {};
      const released = Object.entries(attributes)
        .map(([name, value]) => `<cas:${name}>${esc(value)}</cas:${name}>`)
        .join("");
      res.end(
        `<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationSuccess><cas:user>${esc(held.user)}</cas:user>` +
          `<cas:attributes>${released}</cas:attributes></cas:authenticationSuccess></cas:serviceResponse>`,
      );
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const responder: CasResponder = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/cas`,
    attributes: new Map(),
    ticketSeconds: 10,
    forgedAnswer: null,
    issued: [],
    issue(user, service) {
      const ticket = `ST-${randomBytes(16).toString("hex")}-cas`;
      tickets.set(ticket, { service, user, expires: Date.now() + responder.ticketSeconds * 1000, used: false });
      responder.issued.push({ ticket, service, user });
      return ticket;
    },
    async signOut(ticket) {
      const issued = responder.issued.find((t) => t.ticket === ticket);
      if (!issued) throw new Error(`no such ticket ${ticket}`);
      const logoutRequest =
        `<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ` +
        `ID="LR-${randomBytes(8).toString("hex")}" Version="2.0" IssueInstant="${new Date().toISOString()}">` +
        `<saml:NameID>@NOT_USED@</saml:NameID><samlp:SessionIndex>${ticket}</samlp:SessionIndex></samlp:LogoutRequest>`;
      const answer = await fetch(issued.service, { method: "POST", body: new URLSearchParams({ logoutRequest }), redirect: "manual" });
      return answer.status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return responder;
}

function text(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
