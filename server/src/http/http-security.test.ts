import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, PASSWORD, TODAY, type World } from "../../test/world";
import { TEST_ENGINES } from "../db/test-database";
import { MAX_BATCH_SIZE } from "../trpc";
import { createHttpServer, type HttpOptions, SESSION_COOKIE } from "./server";

describe.each(TEST_ENGINES)("the HTTP server's guards on %s", (engine) => {
  let w: World;
  const closers: Array<() => void> = [];
  beforeAll(async () => {
    w = await makeWorld(engine);
  }, 60_000);
  afterAll(async () => {
    for (const close of closers) close();
    await w.database.close();
  });

  async function serve(options: HttpOptions = {}): Promise<string> {
    const server = createHttpServer(w.database, { today: () => TODAY, ...options });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    closers.push(() => server.close());
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  const signIn = (base: string, headers: Record<string, string> = {}, framed?: boolean) =>
    fetch(`${base}/api/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ username: "registrar", password: PASSWORD, ...(framed === undefined ? {} : { framed }) }),
    });

  it("marks the session cookie Secure when served over HTTPS through a trusted proxy, and only then", async () => {
    const proxied = await serve({ trustProxy: true });
    const secure = (await signIn(proxied, { "x-forwarded-proto": "https" })).headers.get("set-cookie") ?? "";
    expect(secure).toMatch(new RegExp(`^${SESSION_COOKIE}=[\\w-]+; Path=/; HttpOnly; SameSite=Lax; Secure; Expires=`));
    const plain = (await signIn(proxied)).headers.get("set-cookie") ?? "";
    expect(plain).not.toMatch(/Secure/);
    // Without a trusted proxy, anyone could claim HTTPS with a header: it is not believed.
    const direct = await serve();
    expect((await signIn(direct, { "x-forwarded-proto": "https" })).headers.get("set-cookie")).not.toMatch(/Secure/);
  });

  it("gives the task pane, framed by Office on the web, a partitioned SameSite=None cookie over HTTPS, and clears both kinds", async () => {
    const proxied = await serve({ trustProxy: true });
    const https = { "x-forwarded-proto": "https" };
    const framed = (await signIn(proxied, https, true)).headers.get("set-cookie") ?? "";
    expect(framed).toMatch(new RegExp(`^${SESSION_COOKIE}=[\\w-]+; Path=/; HttpOnly; Secure; SameSite=None; Partitioned; Expires=`));
    // Over plain HTTP (a pane on a test machine) SameSite=None cannot be set: Lax, as the dashboard's.
    expect((await signIn(proxied, {}, true)).headers.get("set-cookie")).toMatch(/; HttpOnly; SameSite=Lax; Expires=/);
    const token = new RegExp(`^${SESSION_COOKIE}=([\\w-]+)`).exec(framed)?.[1] as string;
    const out = await fetch(`${proxied}/api/trpc/auth.signOut`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie: `${SESSION_COOKIE}=${token}`,
        origin: `https://${new URL(proxied).host}`,
        ...https,
      },
    });
    expect(out.headers.getSetCookie()).toEqual([
      `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=0`,
      `${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=None; Partitioned; Max-Age=0`,
    ]);
  });

  it("refuses a cross-site form post that carries the session cookie, and the session survives", async () => {
    const base = await serve();
    const cookie = `${SESSION_COOKIE}=${w.tokens.get("leader-a")}`;
    const form = new FormData();
    form.set("x", "1");
    const res = await fetch(`${base}/api/trpc/auth.signOut`, {
      method: "POST",
      headers: { cookie, origin: "https://evil.example" },
      body: form,
    });
    expect(res.status).toBe(415);
    const body = (await res.json()) as { error: { message: string; data: { appCode: string; requestId: string } } };
    expect(body.error.data.appCode).toBe("request.not-json");
    expect(body.error.message).toBe(`请求内容必须是 JSON（Content-Type: application/json）。（请求编号 ${body.error.data.requestId}）`);
    expect(res.headers.get("x-request-id")).toBe(body.error.data.requestId);
    const me = await fetch(`${base}/api/trpc/auth.me`, { headers: { cookie } });
    expect(me.status).toBe(200);
  });

  it("accepts a cookie-authenticated mutation only from the server's own origin; a bearer token needs none", async () => {
    const base = await serve();
    const post = (headers: Record<string, string>) =>
      fetch(`${base}/api/trpc/auth.signOut`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: "{}" });
    const cookie = `${SESSION_COOKIE}=${w.tokens.get("leader-b")}`;
    const foreign = await post({ cookie, origin: "https://evil.example", "accept-language": "en" });
    expect(foreign.status).toBe(403);
    const refused = (await foreign.json()) as { error: { data: { appCode: string; userMessage: string } } };
    expect(refused.error.data).toMatchObject({
      appCode: "auth.cross-site",
      userMessage: "A request from another site was refused. Use Xueji's own pages.",
    });
    expect((await post({ cookie })).status).toBe(403); // no Origin at all: not a page of ours
    expect((await fetch(`${base}/api/trpc/auth.me`, { headers: { cookie } })).status).toBe(200);
    expect((await post({ cookie, origin: base })).status).toBe(200);
    // The add-in and the command line: a bearer token, from anywhere.
    expect((await post({ authorization: `Bearer ${w.tokens.get("secretary-b")}`, origin: "https://localhost:3001" })).status).toBe(200);
  });

  it("gives every response an X-Request-Id, the very one the error shows", async () => {
    const base = await serve();
    const res = await fetch(`${base}/api/trpc/auth.me`, { headers: { "accept-language": "en" } });
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    const body = (await res.json()) as { error: { message: string; data: { requestId: string } } };
    expect(body.error.data.requestId).toBe(id);
    expect(body.error.message).toBe(`Please sign in. (request id ${id})`);
    expect((await fetch(`${base}/api/health`)).headers.get("x-request-id")).toMatch(/^[0-9a-f]{12}$/);
  });

  it(`runs a batch of ${MAX_BATCH_SIZE} calls and refuses a larger one, in the reader's language`, async () => {
    const base = await serve();
    const headers = { authorization: `Bearer ${w.tokens.get("registrar")}` };
    const batch = (n: number) =>
      fetch(`${base}/api/trpc/${Array(n).fill("auth.me").join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify({}))}`, { headers });
    const ok = await batch(MAX_BATCH_SIZE);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as unknown[]).length).toBe(MAX_BATCH_SIZE);
    const big = await batch(MAX_BATCH_SIZE + 1);
    expect(big.status).toBe(400);
    // tRPC answers a refused batch with one error, not one per call.
    const first = (await big.json()) as { error: { message: string; data: { appCode: string; requestId: string } } };
    expect(first?.error.data.appCode).toBe("request.batch-too-large");
    expect(first?.error.message).toBe(`一次请求最多包含 ${MAX_BATCH_SIZE} 个调用，请分开发送。（请求编号 ${first?.error.data.requestId}）`);
    // The 7 KB GET of the probe, 100 calls: refused before anything runs.
    const huge = await fetch(`${base}/api/trpc/${Array(100).fill("students.list").join(",")}?batch=1&input=${"x".repeat(6000)}`, {
      headers,
    });
    expect(huge.status).toBe(414);
  });
});
