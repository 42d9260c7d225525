import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CasResponder, startCasResponder } from "../../test/cas-responder";
import { makeWorld, PASSWORD, TODAY, type World } from "../../test/world";
import { auditEvents, users } from "../db/schema";
import { TEST_ENGINES } from "../db/test-database";
import { readCasAnswer } from "../services/auth/sign-on/cas";
import type { SignOnConfig } from "../services/auth/sign-on/sign-on-config";
import { createHttpServer, SESSION_COOKIE } from "./server";

describe.each(TEST_ENGINES)("CAS sign-on against a CAS 3.0 responder on %s", (engine) => {
  let w: World;
  let cas: CasResponder;
  const closers: Array<() => void> = [];
  beforeAll(async () => {
    w = await makeWorld(engine);
    cas = await startCasResponder();
  }, 60_000);
  afterAll(async () => {
    for (const close of closers) close();
    await cas.close();
    await w.database.close();
  });

  async function serve(signOn: Partial<SignOnConfig> = {}): Promise<string> {
    const config: SignOnConfig = { passwords: "all", cas: { url: cas.url, version: 3 }, ...signOn };
    const server = createHttpServer(w.database, { today: () => TODAY, signOn: config });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    closers.push(() => server.close());
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  const cookieOf = (res: Response, name: string) =>
    res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0] ?? "")
      .find((c) => c.startsWith(`${name}=`))
      ?.slice(name.length + 1) ?? null;

  /** The browser's walk: Xueji's login, the CAS form as `user`, and back to the callback with the ticket. */
  async function walk(base: string, user: string, client = "") {
    const login = await fetch(`${base}/api/auth/cas/login${client}`, { redirect: "manual" });
    expect(login.status).toBe(302);
    const flow = cookieOf(login, "xueji_sign_on");
    const at = new URL(login.headers.get("location") ?? "");
    const service = at.searchParams.get("service") ?? "";
    const ticket = cas.issue(user, service);
    const callbackUrl = `${service}?ticket=${encodeURIComponent(ticket)}`;
    const back = await fetch(callbackUrl, { redirect: "manual", headers: { cookie: `xueji_sign_on=${flow}` } });
    return { login, at, service, ticket, back, flow, callbackUrl };
  }

  const me = (base: string, token: string | null) =>
    fetch(`${base}/api/trpc/auth.me`, { headers: { cookie: `${SESSION_COOKIE}=${token}` } });

  it("redirects to the CAS login with the exact service, validates the ticket at p3/serviceValidate and opens a session", async () => {
    const base = await serve();
    const { at, service, back } = await walk(base, "registrar");
    expect(`${at.origin}${at.pathname}`).toBe(`${cas.url}/login`);
    expect(service).toBe(`${base}/api/auth/cas/callback`);
    expect(back.status).toBe(302);
    expect(back.headers.get("location")).toBe("/");
    const token = cookieOf(back, SESSION_COOKIE);
    expect(token).toMatch(/^[\w-]{40,}$/);
    expect(back.headers.getSetCookie().join("\n")).toMatch(/HttpOnly; SameSite=Lax/);
    const answer = (await (await me(base, token)).json()) as { result: { data: { username: string; role: string } } };
    expect(answer.result.data).toMatchObject({ username: "registrar", role: "registrar-staff" });
    const [registrar] = await w.database.db.select().from(users).where(eq(users.username, "registrar"));
    const events = await w.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "auth.sign-on"), eq(auditEvents.entityId, String(registrar?.id))));
    expect(events.at(-1)?.after).toEqual({ method: "cas" });
  });

  it("returns to the page the reader asked for (a reminder's link), never to another site", async () => {
    const base = await serve();
    const { back } = await walk(base, "registrar", `?return=${encodeURIComponent("/applications/12?tab=1")}`);
    expect(back.headers.get("location")).toBe("/applications/12?tab=1");
    for (const elsewhere of ["//evil.example/x", "https://evil.example/", "/\\evil.example", "/api/trpc/auth.me", "applications/12"]) {
      const { back: refused } = await walk(base, "registrar", `?return=${encodeURIComponent(elsewhere)}`);
      expect(refused.headers.get("location"), elsewhere).toBe("/");
    }
  });

  it("maps a configured attribute (工号) rather than the CAS user name", async () => {
    const base = await serve({ cas: { url: cas.url, version: 3, idAttribute: "employeeNumber" } });
    cas.attributes.set("zhang.san", { employeeNumber: "leader-a", cn: "张三" });
    const { back } = await walk(base, "zhang.san");
    const answer = (await (await me(base, cookieOf(back, SESSION_COOKIE))).json()) as { result: { data: { username: string } } };
    expect(answer.result.data.username).toBe("leader-a");
  });

  it("validates at serviceValidate for CAS 2.0", async () => {
    const base = await serve({ cas: { url: cas.url, version: 2 } });
    const { back } = await walk(base, "secretary-a");
    expect(cookieOf(back, SESSION_COOKIE)).toBeTruthy();
  });

  it("uses a ticket once: the same ticket a second time is refused, with a new sign-on too", async () => {
    const base = await serve();
    const first = await walk(base, "registrar");
    expect(cookieOf(first.back, SESSION_COOKIE)).toBeTruthy();
    const again = await fetch(`${base}/api/auth/cas/login`, { redirect: "manual" });
    const replay = await fetch(first.callbackUrl, {
      redirect: "manual",
      headers: { cookie: `xueji_sign_on=${cookieOf(again, "xueji_sign_on")}` },
    });
    expect(replay.headers.get("location")).toBe("/?sign-on-error=auth.sign-on-ticket-used");
    expect(cookieOf(replay, SESSION_COOKIE)).toBeNull();
  });

  it("refuses a ticket issued for another service, an expired ticket and a made-up one", async () => {
    const base = await serve();
    const login = await fetch(`${base}/api/auth/cas/login`, { redirect: "manual" });
    const flow = cookieOf(login, "xueji_sign_on");
    // Issued for another application's service (or for ours with a different query): CAS says INVALID_SERVICE.
    const other = cas.issue("registrar", `${base}/api/auth/cas/callback?x=1`);
    const wrong = await fetch(`${base}/api/auth/cas/callback?ticket=${other}`, {
      redirect: "manual",
      headers: { cookie: `xueji_sign_on=${flow}` },
    });
    expect(wrong.headers.get("location")).toBe("/?sign-on-error=auth.sign-on-failed");

    cas.ticketSeconds = -1;
    const expired = await walk(base, "registrar");
    cas.ticketSeconds = 10;
    expect(expired.back.headers.get("location")).toBe("/?sign-on-error=auth.sign-on-failed");

    const login2 = await fetch(`${base}/api/auth/cas/login`, { redirect: "manual" });
    const madeUp = await fetch(`${base}/api/auth/cas/callback?ticket=ST-1-forged`, {
      redirect: "manual",
      headers: { cookie: `xueji_sign_on=${cookieOf(login2, "xueji_sign_on")}` },
    });
    expect(madeUp.headers.get("location")).toBe("/?sign-on-error=auth.sign-on-failed");
    for (const res of [wrong, expired.back, madeUp]) expect(cookieOf(res, SESSION_COOKIE)).toBeNull();
  });

  it("refuses a forged answer: an entity smuggled in through a DOCTYPE, another namespace, no user", async () => {
    const base = await serve();
    const forgeries = [
      `<!DOCTYPE r [<!ENTITY who "admin">]><cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationSuccess><cas:user>&who;</cas:user></cas:authenticationSuccess></cas:serviceResponse>`,
      `<serviceResponse><authenticationSuccess><user>admin</user></authenticationSuccess></serviceResponse>`,
      `<cas:serviceResponse xmlns:cas="http://evil.example/cas"><cas:authenticationSuccess><cas:user>admin</cas:user></cas:authenticationSuccess></cas:serviceResponse>`,
      `<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationSuccess><cas:attributes><cas:user>admin</cas:user></cas:attributes></cas:authenticationSuccess></cas:serviceResponse>`,
      `<html><body>CAS is down</body></html>`,
    ];
    try {
      for (const forged of forgeries) {
        cas.forgedAnswer = forged;
        const { back } = await walk(base, "registrar");
        expect(back.headers.get("location"), forged).toBe("/?sign-on-error=auth.sign-on-failed");
        expect(cookieOf(back, SESSION_COOKIE)).toBeNull();
      }
    } finally {
      cas.forgedAnswer = null;
    }
    expect(() => readCasAnswer(forgeries[0] as string, { url: cas.url, version: 3 })).toThrow(/serviceResponse/);
  });

  it("refuses a return this browser did not start (no sign-on cookie)", async () => {
    const base = await serve();
    const ticket = cas.issue("registrar", `${base}/api/auth/cas/callback`);
    const res = await fetch(`${base}/api/auth/cas/callback?ticket=${ticket}`, { redirect: "manual" });
    expect(res.headers.get("location")).toBe("/?sign-on-error=auth.sign-on-stale");
  });

  it("refuses an unknown 工号 without making an account, names it, and audits the attempt", async () => {
    const base = await serve({ contact: "教务处学籍科（电话 8888）" });
    const before = await w.database.db.select({ id: users.id }).from(users);
    const { back } = await walk(base, "T99999");
    expect(back.headers.get("location")).toBe("/?sign-on-error=auth.sign-on-unknown&id=T99999");
    expect(await w.database.db.select({ id: users.id }).from(users)).toHaveLength(before.length);
    const refused = await w.database.db.select().from(auditEvents).where(eq(auditEvents.action, "auth.sign-on-refused"));
    expect(refused.at(-1)).toMatchObject({ entityId: "T99999", userId: null });
  });

  it("ends the session on CAS single sign-out, and the next request is told why", async () => {
    const base = await serve();
    const { back, ticket } = await walk(base, "secretary-b");
    const token = cookieOf(back, SESSION_COOKIE);
    expect((await me(base, token)).status).toBe(200);
    expect(await cas.signOut(ticket)).toBe(200);
    const after = await me(base, token);
    expect(after.status).toBe(401);
    const body = (await after.json()) as { error: { data: { appCode: string }; message: string } };
    expect(body.error.data.appCode).toBe("auth.signed-out-centrally");
    expect(body.error.message).toMatch(/^您已在统一身份认证中退出，请重新登录。/);
    // Another user's session (a password sign-in) is untouched.
    expect((await me(base, w.tokens.get("secretary-a") ?? null)).status).toBe(200);
    const bad = await fetch(`${base}/api/auth/cas/callback`, { method: "POST", body: new URLSearchParams({ logoutRequest: "<x/>" }) });
    expect(bad.status).toBe(400);
  });

  it("gives the task pane a one-time code at /addin/, redeemed once for a bearer session", async () => {
    const base = await serve();
    const { back } = await walk(base, "secretary-a", "?client=pane");
    expect(cookieOf(back, SESSION_COOKIE)).toBeNull();
    const location = back.headers.get("location") ?? "";
    expect(location).toMatch(/^\/addin\/\?sign-on=[\w-]+$/);
    const code = decodeURIComponent(location.split("=")[1] ?? "");
    const redeem = () =>
      fetch(`${base}/api/trpc/auth.redeemSignOn`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ code }),
      });
    const first = (await (await redeem()).json()) as { result: { data: { token: string; user: { username: string } } } };
    expect(first.result.data.user.username).toBe("secretary-a");
    const bearer = await fetch(`${base}/api/trpc/auth.me`, { headers: { authorization: `Bearer ${first.result.data.token}` } });
    expect(bearer.status).toBe(200);
    const second = await redeem();
    expect(((await second.json()) as { error: { data: { appCode: string } } }).error.data.appCode).toBe("auth.sign-on-stale");
  });

  it("keeps passwords for administrators only when so configured", async () => {
    const base = await serve({ passwords: "administrators" });
    const signIn = (username: string) =>
      fetch(`${base}/api/trpc/auth.signIn`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
    const refused = (await (await signIn("registrar")).json()) as { error: { data: { appCode: string } } };
    expect(refused.error.data.appCode).toBe("auth.password-off");
    expect((await signIn("admin")).status).toBe(200);
    const options = (await (await fetch(`${base}/api/trpc/auth.signOnOptions`)).json()) as { result: { data: unknown } };
    expect(options.result.data).toEqual({ cas: true, oidc: false, passwords: "administrators", contact: null });
  });
});
