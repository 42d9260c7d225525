import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type CasResponder, startCasResponder } from "../../test/cas-responder";
import { makeWorld, PASSWORD, type World } from "../../test/world";
import { auditEvents, signOnSettings } from "../db/schema";
import { TEST_ENGINES } from "../db/test-database";
import { signOnInForce } from "../services/auth/sign-on/sign-on-settings";
import { SESSION_COOKIE } from "./server";

const SECRET = "client-secret-never-shown-7f3a";
const EMPTY = {
  casUrl: null,
  casVersion: null,
  casIdAttribute: null,
  oidcIssuer: null,
  oidcClientId: null,
  oidcAuthMethod: null,
  oidcIdClaim: null,
  passwords: null,
  contact: null,
};

describe.each(TEST_ENGINES)("campus sign-on set by the administrator on %s", (engine) => {
  let w: World;
  let cas: CasResponder;
  let server: { base: string; close: () => void };
  beforeAll(async () => {
    w = await makeWorld(engine);
    cas = await startCasResponder();
    // No fixed sign-on: the server reads the stored settings per request, as in production.
    server = await w.serve();
  }, 60_000);
  // The environment one test sets is its own: the next test, and the next file in this worker, start without it.
  afterEach(() => vi.unstubAllEnvs());
  afterAll(async () => {
    server.close();
    await cas.close();
    await w.database.close();
  });

  const casLogin = () => fetch(`${server.base}/api/auth/cas/login`, { redirect: "manual" });
  const asAdmin = async () => w.as("admin");
  const readOverHttp = async () => {
    const res = await fetch(`${server.base}/api/trpc/signOnSettings.read`, {
      headers: { cookie: `${SESSION_COOKIE}=${w.tokens.get("admin")}` },
    });
    expect(res.status).toBe(200);
    return res.text();
  };

  it("takes effect at once: the CAS login goes to the server the administrator saved, and the walk signs in", async () => {
    expect((await casLogin()).headers.get("location")).toBe("/?sign-on-error=auth.sign-on-off");
    const admin = await asAdmin();
    const saved = await admin.signOnSettings.save({
      stored: { ...EMPTY, casUrl: `${cas.url}/`, casVersion: "3" },
      clientSecret: { keep: true },
    });
    expect(saved.active).toEqual({ cas: true, oidc: false, passwords: "all" });
    const login = await casLogin();
    const at = new URL(login.headers.get("location") ?? "");
    expect(`${at.origin}${at.pathname}`).toBe(`${cas.url}/login`);
    const service = at.searchParams.get("service") ?? "";
    const flow = login.headers
      .getSetCookie()
      .find((c) => c.startsWith("xueji_sign_on="))
      ?.split(";")[0];
    const back = await fetch(`${service}?ticket=${encodeURIComponent(cas.issue("registrar", service))}`, {
      redirect: "manual",
      headers: { cookie: flow ?? "" },
    });
    expect(back.headers.get("location")).toBe("/");
    expect(back.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(true);
    const options = (await fetch(`${server.base}/api/trpc/auth.signOnOptions`).then((r) => r.json())) as { result: { data: unknown } };
    expect(options.result.data).toMatchObject({ cas: true, oidc: false });
  });

  it("never answers the client secret: not on save, not on read, not in the audit log, not in the clear in the row", async () => {
    const admin = await asAdmin();
    const saved = await admin.signOnSettings.save({
      stored: { ...EMPTY, oidcIssuer: "https://sso.example.edu.cn", oidcClientId: "xueji", oidcIdClaim: "employeeNumber" },
      clientSecret: { value: SECRET },
    });
    expect(saved.secretSet).toBe(true);
    expect(JSON.stringify(saved)).not.toContain(SECRET);
    expect(await readOverHttp()).not.toContain(SECRET);
    const [row] = await w.db.select().from(signOnSettings);
    expect(row?.clientSecret).toMatch(/^v1\./);
    expect(row?.clientSecret).not.toContain(SECRET);
    const events = await w.db.select().from(auditEvents).where(eq(auditEvents.action, "sign-on.settings-save"));
    expect(events.at(-1)?.after).toMatchObject({ secretChanged: true, config: { oidcClientId: "xueji" } });
    expect(JSON.stringify(events)).not.toContain(SECRET);
    // Saved again without a new value: the secret is kept.
    const kept = await admin.signOnSettings.save({ stored: saved.stored as typeof EMPTY, clientSecret: { keep: true } });
    expect(kept.secretSet).toBe(true);
    expect(kept.revision).toBe(saved.revision + 1);
    expect((await admin.signOnSettings.save({ stored: EMPTY, clientSecret: { clear: true } })).secretSet).toBe(false);
  });

  it("lets the environment win field by field, and says which fields it sets", async () => {
    const admin = await asAdmin();
    vi.stubEnv("XUEJI_CAS_URL", "https://cas.from-environment.edu.cn/cas");
    const saved = await admin.signOnSettings.save({ stored: { ...EMPTY, casUrl: cas.url, casVersion: "2" }, clientSecret: { keep: true } });
    expect(saved.stored.casUrl).toBe(cas.url);
    expect(saved.fromEnv).toEqual([{ field: "casUrl", env: "XUEJI_CAS_URL", value: "https://cas.from-environment.edu.cn/cas" }]);
    const at = new URL((await casLogin()).headers.get("location") ?? "");
    // The environment's server, with the stored version (2: serviceValidate, no p3).
    expect(`${at.origin}${at.pathname}`).toBe("https://cas.from-environment.edu.cn/cas/login");
  });

  it("turns passwords off for all but the administrator when the administrator says so", async () => {
    const admin = await asAdmin();
    await admin.signOnSettings.save({ stored: { ...EMPTY, casUrl: cas.url, passwords: "administrators" }, clientSecret: { keep: true } });
    const signIn = (username: string) =>
      fetch(`${server.base}/api/trpc/auth.signIn`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username, password: PASSWORD }),
      }).then((r) => r.json() as Promise<{ error?: { data: { appCode: string } }; result?: { data: { user: { username: string } } } }>);
    expect((await signIn("registrar")).error?.data.appCode).toBe("auth.password-off");
    expect((await signIn("admin")).result?.data.user.username).toBe("admin");
    await admin.signOnSettings.save({ stored: EMPTY, clientSecret: { keep: true } });
    expect((await signIn("registrar")).result?.data.user.username).toBe("registrar");
  });

  it("reaches another process's requests within the cache's life: a row changed elsewhere is read once its copy is older", async () => {
    const admin = await asAdmin();
    await admin.signOnSettings.save({ stored: { ...EMPTY, casUrl: cas.url }, clientSecret: { keep: true } });
    const start = Date.now();
    expect((await signOnInForce(w.db, process.env, start))?.cas?.url).toBe(cas.url);
    // Another process saves: the row changes, this process's cache is not told.
    await w.db.update(signOnSettings).set({ config: { casUrl: "https://cas.saved-elsewhere.edu.cn/cas" }, revision: 99 });
    expect((await signOnInForce(w.db, process.env, start + 1_000))?.cas?.url).toBe(cas.url);
    expect((await signOnInForce(w.db, process.env, start + 6_000))?.cas?.url).toBe("https://cas.saved-elsewhere.edu.cn/cas");
  });
});
