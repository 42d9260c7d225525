import { join } from "node:path";
import { ETHNICITY, entryByCode, LEVEL, POLITICAL_STATUS } from "@xueji/shared";
import { and, asc, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { colleges, majors, students } from "../../server/src/db/schema";
import { makeIdNumber } from "../../server/src/db/seed-basics";
import { writeTextWorkbook } from "../../server/src/services/exports/write-text-workbook";
import { describeInChromium } from "../../test/chromium";
import { axe } from "./axe";
import { ARTIFACTS, dashboardInChromium } from "./harness";

const HEADER = ["学号", "姓名", "性别", "出生日期", "身份证号", "民族", "政治面貌", "专业代码", "专业名称", "学院", "层次", "学制"];

// An old system's export, every cell text (as such exports are); the header is its first row.
function xlsx(rows: Array<Array<string | number>>): Promise<Buffer> {
  const [header, ...data] = rows;
  return writeTextWorkbook("学生名册", (header ?? []).map(String), data);
}

// Day one (JOURNEYS A3): the registrar brings the record in from an old system's sheet: dry run, issues at the cell, confirm, history, then a changed file.
describeInChromium("导入 in Chromium against a real server", () => {
  const dashboard = dashboardInChromium({ viewport: { width: 1440, height: 1200 } });

  it("previews with issues at the cell, confirms, keeps the history, and shows before → after on a changed file", {
    timeout: 300_000,
  }, async () => {
    const [s] = await dashboard.db
      .select({ s: students, majorCode: majors.code, majorName: majors.name, college: colleges.name })
      .from(students)
      .innerJoin(majors, eq(majors.id, students.majorId))
      .innerJoin(colleges, eq(colleges.id, students.collegeId))
      .where(and(eq(students.status, "enrolled"), eq(students.politicalStatus, "03")))
      .orderBy(asc(students.studentNo))
      .limit(1);
    if (!s) throw new Error("no demo student");
    const name = (table: Parameters<typeof entryByCode>[0], code: string | null) => (code ? (entryByCode(table, code)?.name ?? "") : "");
    const existing = (political: string) => [
      s.s.studentNo,
      s.s.name,
      s.s.gender === "1" ? "男" : "女",
      s.s.birthDate,
      s.s.idNumber,
      name(ETHNICITY, s.s.ethnicity),
      political,
      s.majorCode,
      s.majorName,
      s.college,
      name(LEVEL, s.s.level),
      String(s.s.duration),
    ];
    const newId = makeIdNumber("2007-04-04", "2", 77);
    const fresh = (majorCode: string) => [
      "2099010001",
      "林新生",
      "女",
      "2007-04-04",
      newId,
      "汉族",
      "共青团员",
      majorCode,
      s.majorName,
      s.college,
      name(LEVEL, s.s.level),
      String(s.s.duration),
    ];
    const page = await dashboard.signIn("registrar");
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    await page.getByRole("link", { name: "导入" }).click();
    await page.getByRole("heading", { name: "新的导入" }).waitFor();
    // The demo's own record came in by import: its files are in the history already.
    await page.getByRole("region", { name: "导入记录" }).getByText("课程成绩.csv").waitFor();

    // A file with an unknown 专业代码: the dry run shows it at its cell, and confirming is not offered.
    await page.getByLabel("文件（.xlsx 或 .csv）").setInputFiles({
      name: "学生名册.xlsx",
      mimeType: "application/octet-stream",
      buffer: await xlsx([HEADER, existing(name(POLITICAL_STATUS, "03")), fresh("999999")]),
    });
    await page.getByRole("button", { name: "试导入" }).click();
    await page.getByText(/文件有 1 处错误，不能导入/).waitFor();
    const issue = page.getByTestId("issue-H3");
    await issue.getByText("专业“999999”不在学籍的专业目录中").waitFor();
    expect(await page.getByRole("button", { name: "确认导入" }).count()).toBe(0);
    await page.getByText(/学籍中没有的组织机构/).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "imports-preview-errors.png"), fullPage: true });
    // The filter keeps to the URL.
    await page.getByLabel("类别").selectOption("error");
    await page.waitForURL(/severity=error/);

    // The corrected file: one new, one unchanged; confirm.
    await page.getByLabel("文件（.xlsx 或 .csv）").setInputFiles({
      name: "学生名册.xlsx",
      mimeType: "application/octet-stream",
      buffer: await xlsx([HEADER, existing(name(POLITICAL_STATUS, "03")), fresh(s.majorCode)]),
    });
    await page.getByRole("button", { name: "试导入" }).click();
    await page.getByText("没有错误。确认后将一次写入学籍，并记入审计日志。").waitFor();
    await page.getByText(/共 2 行：新增 1，更新 0，不变 1/).waitFor();
    await page.getByRole("button", { name: "确认导入" }).click();
    await page.getByText("已导入：新增 1，更新 0，不变 1。").waitFor();
    const history = page.getByRole("region", { name: "导入记录" });
    await history.getByRole("cell", { name: "已导入" }).first().waitFor();
    expect(await history.getByRole("cell", { name: "仅试导入" }).count()).toBe(1);
    expect((await dashboard.db.select().from(students).where(eq(students.studentNo, "2099010001"))).length).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, "imports-committed.png"), fullPage: true });

    // A later file: the existing student joined the party; the preview shows before → after, then it is written.
    await page.getByLabel("文件（.xlsx 或 .csv）").setInputFiles({
      name: "学生名册-更新.xlsx",
      mimeType: "application/octet-stream",
      buffer: await xlsx([HEADER, existing("中共党员"), fresh(s.majorCode)]),
    });
    await page.getByRole("button", { name: "试导入" }).click();
    const change = page.getByTestId(`change-${s.s.studentNo}`);
    await change.getByText("共青团员").waitFor();
    await change.getByText("中共党员").waitFor();
    await page.getByText(/新增 0，更新 1，不变 1/).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "imports-before-after.png"), fullPage: true });
    await page.getByRole("button", { name: "确认导入" }).click();
    await page.getByText("已导入：新增 0，更新 1，不变 1。").waitFor();
    const [after] = await dashboard.db.select().from(students).where(eq(students.studentNo, s.s.studentNo));
    expect(after?.politicalStatus).toBe("01");
    // The whole record goes out from the same page (§4).
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "导出全部学籍（.xlsx）" }).click();
    expect((await download).suggestedFilename()).toMatch(/^学籍档案_\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
