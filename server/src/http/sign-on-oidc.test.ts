import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OidcPortal, startOidcPortal } from "../../test/oidc-portal";
import { makeWorld, PASSWORD, TODAY, type World } from "../../test/world";
import { auditEvents, users } from "../db/schema";
import { TEST_ENGINES } from "../db/test-database";
import type { OidcConfig, SignOnConfig } from "../services/auth/sign-on/sign-on-config";
import { createHttpServer, SESSION_COOKIE } from "./server";

const SECRET = "a-client-secret-long-enough-for-hs256-0123456789";

describe.each(TEST_ENGINES)("OIDC sign-on against oidc-provider on %s", (engine) => {
  let w: World;
  let portal: OidcPortal;
  const closers: Array<() => void> = [];
  beforeAll(async () => {
    w = await makeWorld(engine);
    portal = await startOidcPortal();
  }, 60_000);
  afterAll(async () => {
    for (const close of closers) close();
    await portal.close();
    await w.database.close();
  });

  /** A Xueji server registered at the portal as client `id`. */
  async function serve(id: string, oidc: Partial<OidcConfig> = {}, alg = "HS256", authMethod = "client_secret_jwt") {
    const server = createHttpServer(w.database, { today: () => TODAY, signOn: { passwords: "all" } });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    closers.push(() => server.close());
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const config: SignOnConfig = {
      passwords: "all",
      insecure: true,
      oidc: {
        issuer: portal.issuer,
        clientId: id,
        clientSecret: SECRET,
        authMethod: authMethod as OidcConfig["authMethod"],
        idTokenAlg: alg,
        scope: "openid profile",
        idClaim: "employee_number",
        ...oidc,
      },
    };
    server.removeAllListeners("request");
    server.on("request", createHttpServer(w.database, { today: () => TODAY, signOn: config }).listeners("request")[0] as never);
    portal.addClient({ id, secret: SECRET, redirectUri: `${base}/api/auth/oidc/callback`, alg, authMethod });
    return base;
  }

  const cookieOf = (res: Response, name: string) =>
    res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0] ?? "")
      .find((c) => c.startsWith(`${name}=`))
      ?.slice(name.length + 1) ?? null;

  /**
   * The browser: Xueji's login, the portal's login form (as `login`) and consent form, until the portal
   * sends it back to Xueji's callback; returns that callback URL (not yet followed) and the flow cookie.
   */
  async function toCallback(base: string, client = "") {
    const start = await fetch(`${base}/api/auth/oidc/login${client ? `?client=${client}` : ""}`, { redirect: "manual" });
    expect(start.status).toBe(302);
    const flow = cookieOf(start, "xueji_sign_on");
    const jar = new Map<string, string>();
    const keep = (res: Response) => {
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(";");
        const [k, ...v] = (pair ?? "").split("=");
        if (k) jar.set(k, v.join("="));
      }
    };
    const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    return { flow, start, jar, keep, cookie, authorize: start.headers.get("location") ?? "" };
  }

  async function throughPortal(base: string, login: string, client = "") {
    const { flow, keep, cookie, authorize } = await toCallback(base, client);
    let url = authorize;
    for (let step = 0; step < 12; step++) {
      if (url.startsWith(base)) return { callback: url, flow, portalCookie: cookie, keep };
      const res = await fetch(url, { redirect: "manual", headers: { cookie: cookie() } });
      keep(res);
      if (res.status >= 300 && res.status < 400) {
        url = new URL(res.headers.get("location") ?? "", url).toString();
        continue;
      }
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
      if (!action || !prompt) throw new Error(`the portal answered ${res.status}: ${html.slice(0, 300)}`);
      const form = new URLSearchParams({ prompt, ...(prompt === "login" ? { login, password: "x" } : {}) });
      const posted = await fetch(new URL(action, url), {
        method: "POST",
        body: form,
        redirect: "manual",
        headers: { cookie: cookie() },
      });
      keep(posted);
      url = new URL(posted.headers.get("location") ?? "", url).toString();
    }
    throw new Error("the portal never sent the browser back");
  }

  const me = (base: string, token: string | null) =>
    fetch(`${base}/api/trpc/auth.me`, { headers: { cookie: `${SESSION_COOKIE}=${token}` } });

  it("signs in with the code flow, PKCE, state and nonce, an HS256 ID token, client_secret_jwt and userinfo", async () => {
    const base = await serve("xueji-hs256");
    portal.employeeNumbers.set("li.si", "registrar-leader");
    const { authorize } = await toCallback(base);
    const asked = new URL(authorize).searchParams;
    expect(asked.get("code_challenge_method")).toBe("S256");
    expect(asked.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(asked.get("state")).toBeTruthy();
    expect(asked.get("nonce")).toBeTruthy();
    expect(asked.get("redirect_uri")).toBe(`${base}/api/auth/oidc/callback`);

    const { callback, flow } = await throughPortal(base, "li.si");
    const back = await fetch(callback, { redirect: "manual", headers: { cookie: `xueji_sign_on=${flow}` } });
    expect(back.headers.get("location")).toBe("/");
    const token = cookieOf(back, SESSION_COOKIE);
    const answer = (await (await me(base, token)).json()) as { result: { data: { username: string; role: string } } };
    expect(answer.result.data).toMatchObject({ username: "registrar-leader", role: "registrar-leader" });
    const [user] = await w.database.db.select().from(users).where(eq(users.username, "registrar-leader"));
    const events = await w.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "auth.sign-on"), eq(auditEvents.entityId, String(user?.id))));
    expect(events.at(-1)?.after).toEqual({ method: "oidc" });

    // The same code again (a replayed callback) is refused.
    const again = await fetch(`${base}/api/auth/oidc/login`, { redirect: "manual" });
    const replay = await fetch(callback, { redirect: "manual", headers: { cookie: `xueji_sign_on=${cookieOf(again, "xueji_sign_on")}` } });
    expect(replay.headers.get("location")).toBe("/?sign-on-error=auth.sign-on-ticket-used");
  });

  it("checks RS256 ID tokens against the provider's keys with client_secret_basic", async () => {
    const base = await serve("xueji-rs256", {}, "RS256", "client_secret_basic");
    portal.employeeNumbers.set("wang.wu", "secretary-b");
    const { callback, flow } = await throughPortal(base, "wang.wu");
    const back = await fetch(callback, { redirect: "manual", headers: { cookie: `xueji_sign_on=${flow}` } });
    expect(back.headers.get("location")).toBe("/");
    expect((await me(base, cookieOf(back, SESSION_COOKIE))).status).toBe(200);
  });

  it("refuses a return whose state is not the one sent, and one from another browser", async () => {
    const base = await serve("xueji-state");
    portal.employeeNumbers.set("zhao.liu", "registrar");
    const { callback, flow } = await throughPortal(base, "zhao.liu");
    const tampered = new URL(callback);
    tampered.searchParams.set("state", "not-the-state");
    const wrongState = await fetch(tampered, { redirect: "manual", headers: { cookie: `xueji_sign_on=${flow}` } });
    expect(wrongState.headers.get("location")).toBe("/?sign-on-error=auth.sign-on-failed");
    const noCookie = await fetch(callback, { redirect: "manual" });
    expect(noCookie.headers.get("location")).toBe("/?sign-on-error=auth.sign-on-stale");
  });

  it("refuses an ID token whose signature does not verify, for HS256 and RS256 alike", async () => {
    portal.employeeNumbers.set("qian.qi", "registrar");
    for (const [id, alg, method] of [
      ["xueji-forged-hs", "HS256", "client_secret_jwt"],
      ["xueji-forged-rs", "RS256", "client_secret_post"],
    ] as const) {
      const base = await serve(id, {}, alg, method);
      const { callback, flow } = await throughPortal(base, "qian.qi");
      portal.forgeIdTokens = true;
      try {
        const back = await fetch(callback, { redirect: "manual", headers: { cookie: `xueji_sign_on=${flow}` } });
        expect(back.headers.get("location"), alg).toBe("/?sign-on-error=auth.sign-on-failed");
        expect(cookieOf(back, SESSION_COOKIE)).toBeNull();
      } finally {
        portal.forgeIdTokens = false;
      }
    }
  });

  it("refuses an unknown 工号 and a missing claim, creating no account", async () => {
    const base = await serve("xueji-unknown");
    const count = (await w.database.db.select({ id: users.id }).from(users)).length;
    portal.employeeNumbers.set("sun.ba", "T0001");
    const unknown = await throughPortal(base, "sun.ba");
    const refused = await fetch(unknown.callback, { redirect: "manual", headers: { cookie: `xueji_sign_on=${unknown.flow}` } });
    expect(refused.headers.get("location")).toBe("/?sign-on-error=auth.sign-on-unknown-admin&id=T0001");
    const missing = await throughPortal(base, "no.number");
    const noClaim = await fetch(missing.callback, { redirect: "manual", headers: { cookie: `xueji_sign_on=${missing.flow}` } });
    expect(noClaim.headers.get("location")).toBe("/?sign-on-error=auth.sign-on-no-id&claim=employee_number");
    expect((await w.database.db.select({ id: users.id }).from(users)).length).toBe(count);
  });

  it("signs out at the provider too (RP-initiated logout), ending both sessions", async () => {
    const base = await serve("xueji-logout");
    portal.employeeNumbers.set("wang.wu", "registrar");
    const { callback, flow, portalCookie, keep } = await throughPortal(base, "wang.wu");
    const back = await fetch(callback, { redirect: "manual", headers: { cookie: `xueji_sign_on=${flow}` } });
    const token = cookieOf(back, SESSION_COOKIE);
    expect((await me(base, token)).status).toBe(200);

    const out = await fetch(`${base}/api/trpc/auth.signOut`, {
      method: "POST",
      headers: { cookie: `${SESSION_COOKIE}=${token}`, origin: base, "content-type": "application/json" },
      body: "{}",
    });
    const { logoutUrl } = ((await out.json()) as { result: { data: { logoutUrl: string | null } } }).result.data;
    const logout = new URL(logoutUrl ?? "");
    expect(`${logout.origin}${logout.pathname}`).toBe(`${portal.issuer}/session/end`);
    expect(logout.searchParams.get("post_logout_redirect_uri")).toBe(`${base}/`);
    expect(logout.searchParams.get("client_id")).toBe("xueji-logout");
    expect(logout.searchParams.get("id_token_hint")?.split(".")).toHaveLength(3);
    // Xueji's session is over at once, whatever the browser does next.
    expect((await me(base, token)).status).toBe(401);

    // The browser at the provider: its logout confirmation, then back to Xueji's sign-in page.
    const page = await fetch(logout, { redirect: "manual", headers: { cookie: portalCookie() } });
    keep(page);
    const html = await page.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1] ?? "";
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
    const confirmed = await fetch(new URL(action, logout), {
      method: "POST",
      body: new URLSearchParams({ xsrf, logout: "yes" }),
      redirect: "manual",
      headers: { cookie: portalCookie() },
    });
    keep(confirmed);
    let next = new URL(confirmed.headers.get("location") ?? "", logout);
    for (let hop = 0; hop < 5 && !next.toString().startsWith(base); hop++) {
      const res = await fetch(next, { redirect: "manual", headers: { cookie: portalCookie() } });
      keep(res);
      next = new URL(res.headers.get("location") ?? "", next);
    }
    expect(next.toString()).toBe(`${base}/`);

    // The portal's session ended too: signing in again asks for the login, not just consent.
    const again = await toCallback(base);
    let url = again.authorize;
    let html2 = "";
    for (let hop = 0; hop < 5; hop++) {
      const res = await fetch(url, { redirect: "manual", headers: { cookie: portalCookie() } });
      keep(res);
      if (res.status >= 300 && res.status < 400) {
        url = new URL(res.headers.get("location") ?? "", url).toString();
        continue;
      }
      html2 = await res.text();
      break;
    }
    expect(/name="prompt" value="(\w+)"/.exec(html2)?.[1]).toBe("login");
  });

  it("signs the task pane's session out at the provider too: its handoff code carries the ID token to the session", async () => {
    const base = await serve("xueji-pane-logout");
    portal.employeeNumbers.set("zhao.liu", "registrar");
    const { callback, flow } = await throughPortal(base, "zhao.liu", "pane-dialog");
    const back = await fetch(callback, { redirect: "manual", headers: { cookie: `xueji_sign_on=${flow}` } });
    const landing = new URL(back.headers.get("location") ?? "", base);
    expect(landing.pathname).toBe("/addin/taskpane.html");
    const redeemed = await fetch(`${base}/api/trpc/auth.redeemSignOn`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify({ code: landing.searchParams.get("sign-on") }),
    });
    const token = cookieOf(redeemed, SESSION_COOKIE);
    expect((await me(base, token)).status).toBe(200);
    const out = await fetch(`${base}/api/trpc/auth.signOut`, {
      method: "POST",
      headers: { cookie: `${SESSION_COOKIE}=${token}`, origin: base, "content-type": "application/json" },
      body: "{}",
    });
    const { logoutUrl } = ((await out.json()) as { result: { data: { logoutUrl: string | null } } }).result.data;
    const logout = new URL(logoutUrl ?? "");
    expect(`${logout.origin}${logout.pathname}`).toBe(`${portal.issuer}/session/end`);
    expect(logout.searchParams.get("client_id")).toBe("xueji-pane-logout");
    expect(logout.searchParams.get("id_token_hint")?.split(".")).toHaveLength(3);
    expect((await me(base, token)).status).toBe(401);
  });

  it("gives no provider logout for a password session", async () => {
    const base = await serve("xueji-password-out");
    const signed = await fetch(`${base}/api/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify({ username: "secretary-a", password: PASSWORD }),
    });
    const token = cookieOf(signed, SESSION_COOKIE);
    const out = await fetch(`${base}/api/trpc/auth.signOut`, {
      method: "POST",
      headers: { cookie: `${SESSION_COOKIE}=${token}`, origin: base, "content-type": "application/json" },
      body: "{}",
    });
    expect(((await out.json()) as { result: { data: unknown } }).result.data).toEqual({ ok: true, logoutUrl: null });
  });
});
