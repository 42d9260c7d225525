import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type CasResponder, startCasResponder } from "../../server/test/cas-responder";
import { describeInChromium, HAS_CHROMIUM, releaseChromium } from "../../test/chromium";
import { openBrowser, shot, startServer } from "./harness";

const OFFICE_JS = "https://appsforoffice.microsoft.com/**";

let cas: CasResponder;
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  cas = await startCasResponder();
  server = await startServer({ signOn: { passwords: "all", cas: { url: cas.url, version: 3 } } });
  browser = await openBrowser();
}, 180_000);

afterAll(async () => {
  await releaseChromium(browser);
  await server?.close();
  await cas?.close();
});

// A secretary whose university signs in through its portal (统一身份认证): in file mode the pane's own
// page goes to the CAS server and comes back with a one-time code, which becomes the pane's session.
describeInChromium("the task pane's campus sign-on in file mode (redirect), in Chromium", () => {
  it("signs in through CAS and keeps the session; an unknown 工号 is refused with whom to ask", async () => {
    const page = await browser.newPage({ viewport: { width: 420, height: 800 } });
    await page.route(OFFICE_JS, (route) => route.abort());
    await page.goto(`${server.base}/addin/taskpane.html`);
    await page.getByRole("button", { name: "统一身份认证登录" }).click();
    await page.getByLabel("工号").fill("secretary-a");
    await page.getByLabel("密码").fill("campus password");
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByRole("tab", { name: "检查" }).waitFor();
    // The code has left the address, and the session is the HttpOnly cookie: nothing of it in the pane's storage.
    expect(new URL(page.url()).search).toBe("");
    const me = await page.evaluate(async () => (await fetch("/api/trpc/auth.me")).json());
    expect(JSON.stringify(me)).toContain("secretary-a");
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, ""]);
    await shot(page, "pane-campus-sign-on");
    await page.getByRole("button", { name: "退出登录" }).click();

    await page.getByRole("button", { name: "统一身份认证登录" }).click();
    await page.getByLabel("工号").fill("T20260002");
    await page.getByRole("button", { name: "登录" }).click();
    const problem = page.getByTestId("sign-on-problem");
    await problem.waitFor();
    expect(await problem.textContent()).toBe("工号“T20260002”在学籍系统中还没有账号（不会自动创建）。请联系学籍系统的系统管理员为您开通。");
    await shot(page, "pane-campus-sign-on-unknown");
    await page.close();
  });
});
