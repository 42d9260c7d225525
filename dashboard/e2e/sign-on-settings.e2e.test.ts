// @vitest-environment node
import { join } from "node:path";
import { expect, it } from "vitest";
import { describeInChromium, settled } from "../../test/chromium";
import { ARTIFACTS, dashboardInChromium } from "./harness";

const SECRET = "e2e-oidc-client-secret-5d1c";
const CAS = "https://cas.example.edu.cn/cas";

// The administrator sets the campus sign-on on the settings page (其他设置); it takes effect without a restart.
describeInChromium("the administrator's campus sign-on editor, in Chromium against a real server", () => {
  const dashboard = dashboardInChromium({ signOn: "stored", viewport: { width: 1280, height: 1000 } });

  it("is the administrator's alone: a registrar leader reads the settings page without the editor", async () => {
    const page = await dashboard.signIn("registrar-leader", { path: `/settings` });
    await page.getByTestId("settings-elsewhere").getByText("统一身份认证：未启用；密码登录：所有人。").waitFor();
    // A leader is told who sets it, not the server's variables.
    await page.getByTestId("settings-elsewhere").getByText("由系统管理员设置。").waitFor();
    expect(await page.getByTestId("sign-on-edit").count()).toBe(0);
    await page.close();
  }, 120_000);

  it("saves CAS and OIDC with the secret write-only, says mistakes at their fields, and the sign-on uses it at once", async () => {
    const page = await dashboard.signIn("admin", { path: `/settings` });
    // The administrator is told what wins over this page: the server's variables.
    await page
      .getByTestId("settings-elsewhere")
      .getByText(/环境变量（XUEJI_CAS_\*/)
      .waitFor();
    await page.getByTestId("sign-on-edit").click();
    const dialog = page.getByRole("dialog", { name: "统一身份认证设置" });
    await dialog.getByText("尚未设置统一身份认证：目前所有人用密码登录。").waitFor();

    await dialog.getByLabel("CAS 服务器地址").fill("cas.example.edu.cn");
    await dialog.getByLabel("签发者地址（Issuer）").fill("https://sso.example.edu.cn");
    await dialog.getByTestId("sign-on-save").click();
    await dialog.getByText("请填写以 http:// 或 https:// 开头的地址").waitFor();
    await dialog.getByText("填写了签发者地址时，客户端 ID 必填").waitFor();
    await dialog.getByText("填写了签发者地址时，客户端密钥必填").waitFor();
    await settled(page);
    await page.screenshot({ path: join(ARTIFACTS, "sign-on-settings-errors.png") });

    await dialog.getByLabel("CAS 服务器地址").fill(CAS);
    await dialog.getByLabel("客户端 ID").fill("xueji");
    await dialog.getByLabel("客户端密钥").fill(SECRET);
    await dialog.getByLabel("工号所在声明（claim，留空：sub）").fill("employeeNumber");
    await dialog.getByTestId("sign-on-passwords").click();
    await dialog.getByTestId("sign-on-save").click();
    await dialog.getByTestId("sign-on-saved").waitFor();
    expect(await dialog.getByText("请填写以 http:// 或 https:// 开头的地址").count()).toBe(0);

    // In force without a restart: Xueji's CAS login now sends the browser to the saved server.
    const login = await fetch(`${dashboard.base}/api/auth/cas/login`, { redirect: "manual" });
    expect(login.headers.get("location")).toMatch(new RegExp(`^${CAS}/login\\?service=`));

    // Opened again: the secret is 已设置, never its value, anywhere on the page.
    await dialog.getByRole("button", { name: "取消" }).click();
    await page.getByTestId("settings-elsewhere").getByText("统一身份认证：CAS、OIDC；密码登录：仅系统管理员。").waitFor();
    await page.getByTestId("sign-on-edit").click();
    await dialog.getByTestId("sign-on-in-force").getByText("目前生效：CAS、OIDC").waitFor();
    await dialog.getByText("已设置 — 留空则不变").waitFor();
    expect(await dialog.getByLabel("客户端密钥").inputValue()).toBe("");
    expect(await dialog.getByLabel("CAS 服务器地址").inputValue()).toBe(CAS);
    expect(await page.content()).not.toContain(SECRET);
    await settled(page);
    await page.screenshot({ path: join(ARTIFACTS, "sign-on-settings.png") });
    expect(dashboard.problems).toEqual([]);
    await page.close();
  }, 180_000);
});
