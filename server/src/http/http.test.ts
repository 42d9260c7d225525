import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, PASSWORD, type World } from "../../test/world";
import { TEST_ENGINES } from "../db/test-database";
import type { AppRouter } from "../router";
import { RATE_WINDOW_MINUTES } from "../services/auth/sign-in";
import { SESSION_COOKIE } from "./server";

describe.each(TEST_ENGINES)("the HTTP server on %s", (engine) => {
  let w: World;
  let base: string;
  let close: () => void;
  beforeAll(async () => {
    w = await makeWorld(engine);
    ({ base, close } = await w.serve());
  }, 60_000);
  afterAll(async () => {
    close();
    await w.database.close();
  });

  /** The error a call fails with (the test fails if it succeeds). */
  async function failure(call: Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
    try {
      await call;
    } catch (error) {
      return error as TRPCClientError<AppRouter>;
    }
    throw new Error("expected the call to fail");
  }

  const client = (headers: Record<string, string> = {}) =>
    createTRPCClient<AppRouter>({ links: [httpLink({ url: `${base}/api/trpc`, headers })] });

  it("answers the health check once the database is migrated", async () => {
    const res = await fetch(`${base}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, db: engine });
  });

  it("signs in with a password, then accepts the token as a bearer header and as a cookie", async () => {
    const res = await fetch(`${base}/api/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "registrar", password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[\\w-]+; Path=/; HttpOnly; SameSite=Lax`));
    const { result } = (await res.json()) as { result: { data: { token: string } } };
    expect(await client({ authorization: `Bearer ${result.data.token}` }).auth.me.query()).toMatchObject({
      username: "registrar",
      role: "registrar-staff",
    });
    expect(await client({ cookie: cookie.split(";")[0] as string }).auth.me.query()).toMatchObject({ username: "registrar" });
    await client({ authorization: `Bearer ${result.data.token}` }).auth.signOut.mutate();
    await expect(client({ authorization: `Bearer ${result.data.token}` }).auth.me.query()).rejects.toMatchObject({
      data: { code: "UNAUTHORIZED" },
    });
  });

  it("answers in Chinese by default and in English when asked, without internals", async () => {
    const zh = await failure(client().auth.signIn.mutate({ username: "registrar", password: "wrong" }));
    expect(zh).toBeInstanceOf(TRPCClientError);
    const requestId = zh.data?.requestId as string;
    expect(requestId).toMatch(/^[0-9a-f]{12}$/);
    // The reader also learns how many tries are left before the wait (counted the same for names that do not exist).
    expect(zh.message).toBe(`用户名或密码不正确。还可尝试 4 次，之后须等待 15 分钟。（请求编号 ${requestId}）`);
    expect(zh.data).toMatchObject({ code: "UNAUTHORIZED", appCode: "auth.invalid-credentials" });
    expect(zh.data?.userMessage).toMatch(/^用户名或密码不正确。/);
    expect(JSON.stringify(zh.data)).not.toMatch(/stack|select |insert /i);
    const en = await failure(client({ "accept-language": "en-US,en" }).auth.signIn.mutate({ username: "registrar", password: "wrong" }));
    expect(en.message).toMatch(/^Wrong user name or password\. .*\(request id [0-9a-f]{12}\)$/);
  });

  it("rate-limits repeated failed sign-ins for a user name", async () => {
    const attempt = () => failure(client().auth.signIn.mutate({ username: "school-leader", password: "guess" }));
    for (let i = 0; i < 5; i++) expect((await attempt()).data?.appCode).toBe("auth.invalid-credentials");
    const limited = await attempt();
    expect(limited.data).toMatchObject({ code: "TOO_MANY_REQUESTS", appCode: "auth.rate-limited" });
    expect(limited.data?.userMessage).toBe(`登录失败次数过多，请 ${RATE_WINDOW_MINUTES} 分钟后再试。`);
    // Even the right password waits out the window.
    const right = await failure(client().auth.signIn.mutate({ username: "school-leader", password: PASSWORD }));
    expect(right).toBeInstanceOf(TRPCClientError);
  });

  it("refuses a malformed body with a localised message", async () => {
    const res = await fetch(`${base}/api/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/^提交的数据不符合要求/);
  });
});
