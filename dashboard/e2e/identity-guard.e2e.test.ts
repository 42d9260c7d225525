// @vitest-environment node
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { and, eq, notExists } from "drizzle-orm";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { applications, students, users } from "../../server/src/db/schema";
import { DEMO_PASSWORD } from "../../server/src/demo/seed-demo";
import { CHROMIUM, describeInChromium } from "../../test/chromium";
import { serveDashboard } from "./serve-dashboard";

const ARTIFACTS = join(import.meta.dirname, "artifacts");

/**
 * seed 000 八: a graduate's identity data is not changed by 学籍信息修改 (only a 学历勘误 may follow): the
 * secretary who files one is told why, in Chinese, and nothing is written.
 */
describeInChromium("a refused identity change for a graduate, in Chromium against a real server", () => {
  let served: Awaited<ReturnType<typeof serveDashboard>>;
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    served = await serveDashboard();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it("seed 000 八: 学籍信息修改 for a graduate is refused at filing, naming 学历（学位）勘误", async () => {
    const [secretary] = await served.db
      .select({ username: users.username, collegeId: users.collegeId })
      .from(users)
      .where(eq(users.role, "secretary"))
      .orderBy(users.username)
      .limit(1);
    const [graduate] = await served.db
      .select({ id: students.id, studentNo: students.studentNo, name: students.name })
      .from(students)
      .where(
        and(
          eq(students.collegeId, secretary?.collegeId as number),
          eq(students.status, "enrolled"),
          // One the demo has filed nothing for: what the test files (or is refused) is then all there is.
          notExists(served.db.select({ id: applications.id }).from(applications).where(eq(applications.studentId, students.id))),
        ),
      )
      .orderBy(students.studentNo)
      .limit(1);
    // The student has graduated (毕业 executed): the record is closed.
    await served.db
      .update(students)
      .set({ status: "graduated" })
      .where(eq(students.id, graduate?.id as number));

    const page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`${served.base}/`);
    await page.getByLabel("用户名").fill(secretary?.username as string);
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByTestId("signed-in-as").waitFor();

    await page.goto(`${served.base}/applications`);
    await page.getByRole("button", { name: "新建异动申请" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("学号").fill(graduate?.studentNo as string);
    await dialog.getByRole("combobox", { name: "异动类型" }).click();
    await page.getByRole("option", { name: "学籍信息修改" }).click();
    await dialog.getByRole("combobox", { name: "原因" }).click();
    await page.getByRole("option", { name: "身份信息变更" }).click();
    await dialog.getByLabel("新姓名").fill("改后的名字");
    await dialog.getByRole("button", { name: "保存为学院草稿" }).click();
    await dialog.getByText(/该生学籍状态为“毕业”，学籍已终止，不能再修改姓名、身份证号等学籍信息。/).waitFor();
    await dialog.getByText(/请走学历（学位）勘误/).waitFor();
    await dialog.getByText(/请走学历（学位）勘误/).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, "identity-change-refused-graduate.png"), fullPage: true });

    // Nothing was written: no application, the name as it was.
    expect(
      await served.db
        .select()
        .from(applications)
        .where(eq(applications.studentId, graduate?.id as number)),
    ).toEqual([]);
    const [after] = await served.db
      .select({ name: students.name })
      .from(students)
      .where(eq(students.id, graduate?.id as number));
    expect(after?.name).toBe(graduate?.name);
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
});
