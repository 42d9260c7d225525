import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents, students, users } from "../../server/src/db/schema";
import { describeInChromium } from "../../test/chromium";
import { axe } from "./axe";
import { ARTIFACTS, dashboardInChromium } from "./harness";

// 在读证明/学历证明 (seed 000 二–三) are printed from the student's card, and reprinted there (补打).
describeInChromium("certificates on the student card, in Chromium against a real server", () => {
  const dashboard = dashboardInChromium({ viewport: { width: 1440, height: 1200 } });

  it("lets a secretary issue a 在读证明, print it, and reprint it (补打): same number, a new code, the old one retired", async () => {
    const [secretary] = await dashboard.db
      .select({ username: users.username, collegeId: users.collegeId })
      .from(users)
      .where(eq(users.role, "secretary"))
      .orderBy(users.username)
      .limit(1);
    const [student] = await dashboard.db
      .select({ studentNo: students.studentNo, name: students.name })
      .from(students)
      .where(and(eq(students.collegeId, secretary?.collegeId as number), eq(students.status, "enrolled")))
      .orderBy(students.studentNo)
      .limit(1);
    const page = await dashboard.signIn(secretary?.username as string);
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`${dashboard.base}/students?q=${student?.studentNo}&open=${student?.studentNo}`);
    const documents = page.getByTestId("student-documents");
    await documents.getByText("尚未为该生开具证明。").waitFor();
    // 学历证明 is the registrar's (seed 000 三): the secretary is not offered it.
    expect(await documents.getByRole("button", { name: "开具学历证明" }).count()).toBe(0);

    await documents.getByRole("button", { name: "开具在读证明" }).click();
    await documents.getByText(/已开具 ZD\d{10}。/).waitFor();
    const firstCode = ((await documents.getByTestId("verify-code").textContent()) ?? "").trim();
    const preview = page.frameLocator(`iframe[title="待打印的证明"]`);
    await preview.getByRole("heading", { name: "在读证明" }).waitFor();
    expect(await preview.locator("body").textContent()).toContain(`兹证明 ${student?.name}`);
    const documentNo = ((await documents.getByRole("row").nth(1).getByRole("cell").first().textContent()) ?? "").trim();
    expect(documentNo).toMatch(/^ZD\d{10}$/);

    await documents.getByRole("button", { name: `补打 ${documentNo}` }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("原纸本的核验码随即作废").waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "certificate-reprint-confirm.png"), fullPage: true });
    await dialog.getByRole("button", { name: "确定补打" }).click();
    await documents.getByText(`已补打 ${documentNo}（第 1 次）。`).waitFor();
    const newCode = ((await documents.getByTestId("verify-code").textContent()) ?? "").trim();
    expect(newCode).not.toBe(firstCode);
    await preview.getByText(/补打（第 1 次，\d{4}年\d{1,2}月\d{1,2}日）/).waitFor();
    await documents.getByRole("cell", { name: /^1 次 · / }).waitFor();
    // The preview shows the whole A4 sheet scaled to the card: A4's proportions, nothing to scroll.
    const box = await documents.getByTestId("certificate-preview").boundingBox();
    const card = await documents.boundingBox();
    expect(box && card && box.width <= card.width + 1).toBe(true);
    expect(Math.abs((box?.height ?? 0) / (box?.width ?? 1) - 297 / 210)).toBeLessThan(0.02);
    await page.screenshot({ path: join(ARTIFACTS, "certificate-reprinted.png"), fullPage: true });

    // The paper itself, at print size: one A4 page, all Chinese, the 补打 mark, the seal's place, the code.
    const html = (await documents.locator("iframe").getAttribute("srcdoc")) ?? "";
    const sheet = await dashboard.newPage({ viewport: { width: 794, height: 1123 } });
    await sheet.setContent(html);
    await sheet.screenshot({ path: join(ARTIFACTS, "certificate-print.png") });
    const text = ((await sheet.locator("body").textContent()) ?? "").replace(/\s+/g, "");
    expect(text).toMatch(new RegExp(`^编号：${documentNo}补打（第1次，\\d{4}年\\d{1,2}月\\d{1,2}日）在读证明兹证明`));
    expect(text).toMatch(
      /特此证明。.*教务处\d{4}年\d{1,2}月\d{1,2}日（盖章）核验：访问https?:\/\/[^/]+\/verify\/[0-9A-Z]{24}.*核验码：[0-9A-Z]{24}$/,
    );
    expect(text).not.toMatch(/Verification|Certificate|Reprint|Name|Status/);
    await sheet.emulateMedia({ media: "print" });
    const pdf = (await sheet.pdf({ preferCSSPageSize: true, printBackground: true })).toString("latin1");
    expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
    await sheet.close();
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);

    // The public page: the new code verifies, the old one says the paper was replaced.
    expect((await fetch(`${dashboard.base}/api/verify/${newCode}`)).status).toBe(200);
    const old = await fetch(`${dashboard.base}/api/verify/${firstCode}`);
    expect(old.status).toBe(410);
    const retired = await old.json();
    expect(retired).toMatchObject({ valid: false, superseded: true, title: "该证明已补打，原件作废" });
    expect(JSON.stringify(retired)).not.toContain(documentNo);
    const [event] = await dashboard.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "document.reprint"), eq(auditEvents.entityId, documentNo)));
    expect(event?.after).toMatchObject({ reprintCount: 1 });
    await page.close();
  }, 120_000);
});
