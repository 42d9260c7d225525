import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, type World } from "../../test/world";
import { TEST_ENGINES } from "../db/test-database";
import { OFFICE_FRAME_HOSTS } from "../front-ends/static-files";
import { createHttpServer, SESSION_COOKIE } from "./server";

async function site(name: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), `xueji-${name}-`));
  await mkdir(join(root, "assets"));
  await writeFile(join(root, "index.html"), "<!doctype html><title>学籍</title>");
  await writeFile(join(root, "taskpane.html"), "<!doctype html><title>核对</title>");
  await writeFile(join(root, "assets", "app-1a2b3c.js"), "console.log(1)");
  return root;
}

describe.each(TEST_ENGINES)("HTTP answers that leak or linger on %s", (engine) => {
  let w: World;
  let base: string;
  let server: ReturnType<typeof createHttpServer>;
  beforeAll(async () => {
    w = await makeWorld(engine);
    server = createHttpServer(w.database, {
      sites: [
        { prefix: "/addin/", root: await site("addin"), frameAncestors: OFFICE_FRAME_HOSTS },
        { prefix: "/", root: await site("dashboard"), fallback: "index.html" },
      ],
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => {
    server.close();
    await w.database.close();
  });

  it("answers a missing asset with 404, never with the page cached for a year", async () => {
    for (const path of ["/assets/app-9z9z9z.js", "/assets/chunk-gone"]) {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(404);
      expect(res.headers.get("cache-control") ?? "").not.toContain("immutable");
    }
    const asset = await fetch(`${base}/assets/app-1a2b3c.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const route = await fetch(`${base}/students/2025010001`);
    expect(route.status).toBe(200);
    expect(route.headers.get("cache-control")).toBe("no-cache");
  });

  it("lets only its own pages frame the dashboard, and only Office and WPS frame the pane", async () => {
    const dashboard = await fetch(`${base}/`);
    expect(dashboard.headers.get("content-security-policy")).toBe("frame-ancestors 'self'");
    const pane = await fetch(`${base}/addin/taskpane.html`);
    const policy = pane.headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/^frame-ancestors 'self' /);
    for (const host of ["https://*.officeapps.live.com", "https://*.wps.cn", "https://*.kdocs.cn"]) expect(policy).toContain(host);
    expect(policy).not.toContain("*;");
    expect(policy.split(" ")).not.toContain("*");
  });

  it("says a procedure does not exist, not that something unexpected happened, and lets no answer be cached", async () => {
    const unknown = await fetch(`${base}/api/trpc/students.nothingHere`);
    expect(unknown.status).toBe(404);
    const body = (await unknown.json()) as { error: { message: string; data: { appCode: string } } };
    expect(body.error.data.appCode).toBe("request.unknown-procedure");
    expect(body.error.message).toMatch(/^服务器没有这项操作。/);
    expect(body.error.message).not.toContain("意外错误");
    expect(unknown.headers.get("cache-control")).toBe("no-store");
    const me = await fetch(`${base}/api/trpc/auth.me`, { headers: { authorization: `Bearer ${w.tokens.get("registrar")}` } });
    expect(me.status).toBe(200);
    expect(me.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses a decisions export posted with the cookie from another site", async () => {
    const res = await fetch(`${base}/api/trpc/exports.decisionListXlsx`, {
      method: "POST",
      headers: {
        cookie: `${SESSION_COOKIE}=${w.tokens.get("registrar")}`,
        origin: "https://evil.example",
        "content-type": "application/json",
      },
      body: JSON.stringify({}),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /^已拒绝来自其他网站的请求。请在学籍系统自己的页面中操作。/,
    );
  });
});
