// @vitest-environment node
import { join } from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { applications, graduationCertificates, statusDocuments, students, users } from "../../server/src/db/schema";
import { describeInChromium } from "../../test/chromium";
import { axe } from "./axe";
import { ARTIFACTS, dashboardInChromium } from "./harness";

/**
 * seed 000 四, seed 002 三.3, seed 003 第十七条: a graduate's 学历证书 is lost. The registrar files the 补发毕业证明书
 * on the graduation page's 证书补发 tab; it goes 学籍科 → 财务处交费 (the college secretary records the paper
 * signature) → 教务处处长 → 主管教学校领导, each on the application page; the registrar then prints the 证明书.
 */
describeInChromium("补发毕业证明书, filed and printed from the graduation page, in Chromium against a real server", () => {
  const dashboard = dashboardInChromium({ viewport: { width: 1440, height: 1200 } });

  /** A demo graduate of 2022 whose certificate is in force, the first by 学号. */
  async function graduateWithCertificate() {
    const [row] = await dashboard.db
      .select({
        studentNo: students.studentNo,
        name: students.name,
        collegeId: students.collegeId,
        certificateNo: graduationCertificates.certificateNo,
      })
      .from(graduationCertificates)
      .innerJoin(students, eq(students.id, graduationCertificates.studentId))
      .where(and(eq(students.status, "graduated"), eq(students.grade, 2022), isNull(graduationCertificates.replacedBy)))
      .orderBy(students.studentNo)
      .limit(1);
    return row as { studentNo: string; name: string; collegeId: number; certificateNo: string };
  }

  async function findStudent(page: Page, query: string, studentNo: string) {
    await page.goto(`${dashboard.base}/graduation?view=replacement`);
    await page.getByLabel("学号或姓名").fill(query);
    await page.getByLabel("学号或姓名").press("Enter");
    await page
      .getByRole("group", { name: "查找结果" })
      .getByRole("button", { name: new RegExp(`^${studentNo} `) })
      .click();
  }

  /** The decision of the stage the signed-in role holds, on the application page; `after`, the stage it moves to. */
  async function approve(username: string, id: number, after?: string) {
    const page = await dashboard.signIn(username, { path: `/applications/${id}` });
    await page.getByRole("radio", { name: "通过" }).waitFor();
    const opinion = page.getByLabel("意见", { exact: true });
    if (await opinion.count()) await opinion.fill("同意");
    await page.getByRole("button", { name: "通过" }).click();
    if (after) await page.getByText(`已处理，现处于“${after}”。`).waitFor();
    else await page.getByRole("radio", { name: "通过" }).waitFor({ state: "detached" });
    await page.close();
  }

  it("refuses a student still 在读: there is no certificate to replace", async () => {
    const [enrolled] = await dashboard.db
      .select({ studentNo: students.studentNo, name: students.name })
      .from(students)
      .where(eq(students.status, "enrolled"))
      .orderBy(students.studentNo)
      .limit(1);
    const page = await dashboard.signIn("registrar");
    await findStudent(page, enrolled?.studentNo as string, enrolled?.studentNo as string);
    await page.getByRole("alert").getByText(`${enrolled?.name} 尚未毕业或结业，没有可补发证明书的学历证书。`).waitFor();
    expect(await page.getByRole("button", { name: "受理补发申请" }).count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, "replacement-refused.png"), fullPage: true });
    expect(dashboard.problems).toEqual([]);
    await page.close();
  }, 120_000);

  it("files for a graduate by name, goes through its chain, and prints the numbered 证明书 naming the lost certificate", async () => {
    const graduate = await graduateWithCertificate();
    const registrar = await dashboard.signIn("registrar");
    await findStudent(registrar, graduate.name, graduate.studentNo);
    // The certificate the 证明书 will name, and the fee (seed 000 四: 财务处学费科交费 50 元).
    await registrar.getByText(graduate.certificateNo).waitFor();
    await registrar.getByText(/交费：财务处学费科 50 元/).waitFor();
    await registrar.screenshot({ path: join(ARTIFACTS, "replacement-picked.png"), fullPage: true });
    expect(await axe(registrar)).toEqual([]);
    await registrar.getByRole("button", { name: "受理补发申请" }).click();
    await registrar.getByText(/已受理，申请编号 \d+。/).waitFor();
    const [filed] = await dashboard.db.select().from(applications).where(eq(applications.type, "certificate-replacement"));
    expect(filed).toMatchObject({ stage: "draft", state: "open" });
    const id = filed?.id as number;
    // The list shows it at its stage; its number opens the application page, where the registrar sends it on.
    const list = registrar.getByRole("table", { name: "补发毕业证明书申请" });
    await list.getByRole("row", { name: new RegExp(graduate.studentNo) }).waitFor();
    await registrar.getByRole("link", { name: "查看申请" }).click();
    await registrar.getByRole("button", { name: "报送" }).click();
    await registrar.getByText("已处理，现处于“教务处学籍中心审核”。").waitFor();
    await registrar.close();

    await approve("registrar", id);
    // 财务处 has no account: the student's college secretary records its paper signature (the receipt).
    const [secretary] = await dashboard.db
      .select({ username: users.username })
      .from(users)
      .where(and(eq(users.role, "secretary"), eq(users.collegeId, graduate.collegeId)))
      .limit(1);
    const signing = await dashboard.signIn(secretary?.username as string, { path: `/applications/${id}` });
    await signing.getByRole("heading", { name: "登记线下签字：财务处学费科交费（50 元）" }).waitFor();
    await signing.getByLabel("签字人（部门与姓名，如 学生处 李某）").fill("财务处学费科 赵某");
    await signing.getByRole("button", { name: "登记签字" }).click();
    await signing.getByText("已处理，现处于“教务处处长签字”。").waitFor();
    await signing.close();
    await approve("registrar-leader", id);
    await approve("school-leader", id);
    // 办理 issues the numbered 证明书; 上报 (学信网, seed 003 第十七条 “在学历注册信息中标注”) ends it.
    await approve("registrar", id, "上报");
    await approve("registrar", id);
    const [done] = await dashboard.db.select().from(applications).where(eq(applications.id, id));
    expect(done?.state).toBe("done");

    // Done: the registrar prints the 证明书 from the list.
    const printing = await dashboard.signIn("registrar", { path: `/graduation?view=replacement` });
    const row = printing.getByRole("table", { name: "补发毕业证明书申请" }).getByRole("row", { name: new RegExp(graduate.studentNo) });
    await row.getByRole("cell", { name: "已办结" }).waitFor();
    await row.getByRole("button", { name: `打印证明书（${graduate.name}）` }).click();
    const paper = printing.getByTestId("replacement-paper");
    await paper.getByText(/^证明书 ZM\d{10} 已编号，尚未打印。$/).waitFor();
    await paper.getByRole("button", { name: /^打开证明书 ZM\d{10}$/ }).click();
    await paper.getByText(/^证明书 ZM\d{10} 已就绪，可打印。$/).waitFor();
    const sheet = printing.frameLocator(`iframe[title="毕业证明书"]`);
    await sheet.getByRole("heading", { name: "毕业证明书" }).waitFor();
    const body = (await sheet.locator("body").textContent()) ?? "";
    expect(body).toContain(graduate.name);
    expect(body).toContain(`原毕业证书（编号 ${graduate.certificateNo}）遗失`);
    expect(body).not.toContain("补打");
    await paper.getByRole("button", { name: "打印证明" }).waitFor();
    await printing.screenshot({ path: join(ARTIFACTS, "replacement-printed.png"), fullPage: true });
    expect(await axe(printing)).toEqual([]);
    const [issued] = await dashboard.db.select().from(statusDocuments).where(eq(statusDocuments.kind, "replacement"));
    expect(issued).toMatchObject({ awaitingPrint: false, reprintCount: 0 });
    expect(dashboard.problems).toEqual([]);
    await printing.close();
  }, 300_000);
});
