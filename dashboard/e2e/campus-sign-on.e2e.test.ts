// @vitest-environment node
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../server/src/demo/seed-demo";
import { type CasResponder, startCasResponder } from "../../server/test/cas-responder";
import { type OidcPortal, startOidcPortal } from "../../server/test/oidc-portal";
import { describeInChromium, openChromium, releaseChromium, settled } from "../../test/chromium";
import { serveDashboard } from "./serve-dashboard";

const ARTIFACTS = join(import.meta.dirname, "artifacts");
const SECRET = "dashboard-e2e-client-secret-0123456789abcdef";

// A registrar signs in through the campus portal (统一身份认证) rather than a Xueji password: CAS on one
// server, OIDC on another, each a real protocol partner on loopback, in Chromium.
describeInChromium("campus sign-on from the dashboard's sign-in page, in Chromium", () => {
  let cas: CasResponder;
  let portal: OidcPortal;
  let viaCas: Awaited<ReturnType<typeof serveDashboard>>;
  let viaOidc: Awaited<ReturnType<typeof serveDashboard>>;
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    cas = await startCasResponder();
    portal = await startOidcPortal();
    viaCas = await serveDashboard({
      signOn: { passwords: "administrators", contact: "教务处学籍科（电话 8888）", cas: { url: cas.url, version: 3 } },
    });
    viaOidc = await serveDashboard({
      signOn: {
        passwords: "all",
        insecure: true,
        oidc: {
          issuer: portal.issuer,
          clientId: "xueji-dashboard",
          clientSecret: SECRET,
          authMethod: "client_secret_jwt",
          idTokenAlg: "HS256",
          scope: "openid profile",
          idClaim: "employee_number",
        },
      },
    });
    portal.addClient({ id: "xueji-dashboard", secret: SECRET, redirectUri: `${viaOidc.base}/api/auth/oidc/callback` });
    portal.employeeNumbers.set("chen.jiaoshou", "registrar-leader");
    browser = await openChromium(chromium);
  }, 240_000);
  afterAll(async () => {
    await releaseChromium(browser);
    await viaCas?.close();
    await viaOidc?.close();
    await cas?.close();
    await portal?.close();
  });

  it("signs in through CAS, ends the session on the portal's single sign-out, and refuses an unknown 工号 naming whom to ask", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(`${viaCas.base}/`);
    const button = page.getByRole("link", { name: "统一身份认证登录" });
    await button.waitFor();
    await page.getByText("本校统一使用统一身份认证登录；下面的密码登录只供系统管理员使用。").waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "campus-sign-on-page.png") });
    await button.click();
    // The CAS server's own page.
    await page.getByLabel("工号").fill("registrar");
    await page.getByLabel("密码").fill("campus password");
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByTestId("signed-in-as").waitFor();
    expect(await page.getByTestId("signed-in-as").textContent()).toContain("学籍中心刘老师");
    await settled(page);
    await page.screenshot({ path: join(ARTIFACTS, "campus-sign-on-cas-signed-in.png") });

    // The portal signs her out everywhere: Xueji's next request lands on sign-in with the reason.
    const ticket = cas.issued.at(-1)?.ticket as string;
    expect(await cas.signOut(ticket)).toBe(200);
    await page.reload();
    await page.getByTestId("session-ended").waitFor();
    expect(await page.getByTestId("session-ended").textContent()).toContain("您已在统一身份认证中退出，请重新登录。");

    // A 工号 Xueji does not know: refused, nothing created, and told whom to ask.
    await page.getByRole("link", { name: "统一身份认证登录" }).click();
    await page.getByLabel("工号").fill("T20260001");
    await page.getByRole("button", { name: "登录" }).click();
    const problem = page.getByTestId("sign-on-problem");
    await problem.waitFor();
    expect(await problem.textContent()).toBe(
      "工号“T20260001”在学籍系统中还没有账号（不会自动创建）。请联系教务处学籍科（电话 8888）为您开通。",
    );
    await page.screenshot({ path: join(ARTIFACTS, "campus-sign-on-unknown.png") });

    // Passwords are the administrator's only here.
    await page.getByLabel("用户名").fill("registrar");
    await page.locator(`input[name="password"]`).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await page.getByText("本校统一使用统一身份认证登录，密码登录只留给系统管理员。", { exact: false }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "campus-sign-on-password-off.png") });
    // The break-glass account still signs in with its password.
    await page.getByLabel("用户名").fill("admin");
    await page.locator(`input[name="password"]`).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await page.getByTestId("signed-in-as").waitFor();
    await page.close();
  });

  it("signs in through OIDC with the portal's login and consent pages", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(`${viaOidc.base}/`);
    await page.getByRole("link", { name: "统一身份认证登录" }).click();
    // oidc-provider's development login page, then its consent page.
    await page.locator('input[name="login"]').fill("chen.jiaoshou");
    await page.locator('input[name="password"]').fill("campus password");
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').click();
    await page.getByTestId("signed-in-as").waitFor();
    expect(await page.getByTestId("signed-in-as").textContent()).toContain("教务处陈处长");
    expect(new URL(page.url()).search).toBe("");
    await page.close();
  });
});
