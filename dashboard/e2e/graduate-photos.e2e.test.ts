// @vitest-environment node
import { join } from "node:path";
import { eq, like } from "drizzle-orm";
import { expect, it } from "vitest";
import { graduationCertificates, majors, studentPhotos, students } from "../../server/src/db/schema";
import { insertStudents } from "../../server/src/db/seed-basics";
import { craftZip } from "../../server/src/files/testing/craft-zip";
import { portraitJpeg } from "../../server/test/photo";
import { describeInChromium } from "../../test/chromium";
import { firstCollege, passCohortAudit } from "./demo-picks";
import { ARTIFACTS, dashboardInChromium } from "./harness";

// The demo's students graduate from 2026: the 2025 cohort is this test's own.
const COHORT = 2025;

describeInChromium("graduate photos (seed 000 六.2, 四) and numbering on complete data (seed 003 第十五条), in Chromium", () => {
  let college: { id: number; name: string };
  const dashboard = dashboardInChromium({
    viewport: { width: 1440, height: 1100 },
    async setUp({ db }) {
      college = await firstCollege(db);
      const [major] = await db.select({ id: majors.id }).from(majors).where(eq(majors.collegeId, college.id)).limit(1);
      await insertStudents(db, [
        { studentNo: "2021980001", name: "压缩包甲", collegeId: college.id, majorId: major?.id as number, grade: 2021 },
        { studentNo: "2021980002", name: "缺证件乙", collegeId: college.id, majorId: major?.id as number, grade: 2021 },
        { studentNo: "2021980003", name: "单张丙", collegeId: college.id, majorId: major?.id as number, grade: 2021 },
      ]);
      await db
        .update(students)
        .set({ earnedCredits: 165, gpa: 3.2, expectedGraduationDate: `${COHORT}-06-30` })
        .where(like(students.studentNo, "202198000%"));
      const [yi] = await db.select({ id: students.id }).from(students).where(eq(students.studentNo, "2021980002"));
      await db.insert(studentPhotos).values({ studentId: yi?.id as number, width: 480, height: 640, bytes: 30_000 });
      await passCohortAudit(db, { cohort: COHORT, collegeId: college.id, requestId: "photos-e2e" });
      // 乙's ID number was found wrong after the audit and cleared until the 学籍信息修改 is done.
      await db.update(students).set({ idNumber: "" }).where(eq(students.studentNo, "2021980002"));
    },
  });

  const executeUrl = () => `${dashboard.base}/graduation?cohort=${COHORT}&view=execute&collegeId=${college.id}&show=refused`;

  it("seed 003 第十五条: the preview refuses, naming the missing photo and 身份证号; a zip of photos named by 学号 is reported file by file", async () => {
    const page = await dashboard.signIn("registrar");
    await page.goto(executeUrl());
    const rowOf = (name: string) => page.getByRole("row").filter({ hasText: name });
    await rowOf("压缩包甲").getByText("缺少毕业照片").waitFor();
    await rowOf("缺证件乙").getByText("证书信息缺：身份证号").waitFor();
    await rowOf("单张丙").getByText("缺少毕业照片").waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "photos-refused-before.png"), fullPage: true });

    const zip = craftZip([
      { name: "照片/2021980001.jpg", data: portraitJpeg() },
      { name: "照片/2021980003.jpg", data: portraitJpeg({ background: [250, 250, 250] }) },
      { name: "照片/2099000000.jpg", data: portraitJpeg() },
    ]);
    await page.getByLabel("选择照片压缩包（.zip）").setInputFiles({ name: "照片.zip", mimeType: "application/zip", buffer: zip });
    await page.getByText("“照片.zip”：匹配并保存 1 张，不合格 1 张，重复 0 张，找不到学生 1 张。").waitFor();
    const report = page.getByRole("table", { name: "批量导入毕业照片" });
    expect(await report.getByRole("row").filter({ hasText: "2021980001.jpg" }).innerText()).toContain("已保存");
    expect(await report.getByRole("row").filter({ hasText: "2021980003.jpg" }).innerText()).toMatch(/不合格[\s\S]*背景不是蓝色/);
    expect(await report.getByRole("row").filter({ hasText: "2099000000.jpg" }).innerText()).toContain("找不到学生");
    // The preview now plans 甲: only 乙 and 丙 are left refused.
    await rowOf("缺证件乙").waitFor();
    await expect
      .poll(() => page.getByRole("row").filter({ hasText: "压缩包甲" }).filter({ hasText: "缺少毕业照片" }).count(), { timeout: 30_000 })
      .toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, "photos-zip-report.png"), fullPage: true });
    await page.close();
  }, 120_000);

  it("seed 000 四 备注: a photo uploaded on the student card is shown there; numbering then refuses only the student missing data", async () => {
    const page = await dashboard.signIn("registrar");
    await dashboard.openStudent(page, "2021980003");
    await page.getByText("尚未采集毕业照片。学历证书在照片采集前不能编号。").waitFor();
    await page
      .getByLabel("上传 单张丙 的毕业照片")
      .setInputFiles({ name: "丙.jpg", mimeType: "image/jpeg", buffer: portraitJpeg({ width: 600, height: 800, quality: 60 }) });
    await page.getByText(/尺寸 600×800，应为 480×640/).waitFor();
    await page.getByLabel("上传 单张丙 的毕业照片").setInputFiles({ name: "丙.jpg", mimeType: "image/jpeg", buffer: portraitJpeg() });
    await page.getByText("已保存 单张丙 的毕业照片。").waitFor();
    const img = page.getByRole("img", { name: "单张丙 的毕业照片" });
    await img.waitFor();
    expect(await img.evaluate((e) => (e as HTMLImageElement).naturalWidth)).toBe(480);
    await page.getByText(/480×640 像素，[\d.]+ KB · 蓝底/).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "photos-student-card.png"), fullPage: true });

    await page.goto(executeUrl().replace("&show=refused", ""));
    await page.getByRole("button", { name: /^执行（\d+ 人）$/ }).click();
    await page.getByRole("dialog").getByRole("button", { name: "确定执行" }).click();
    await page.getByText(/执行完成：毕业 \d+ 人，结业 \d+ 人，通知单号 .+；\d+ 人未执行/).waitFor();
    await page.goto(executeUrl());
    await page.getByRole("row").filter({ hasText: "缺证件乙" }).getByText("证书信息缺：身份证号").waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "photos-executed.png"), fullPage: true });
    const numbered = await dashboard.db
      .select({ studentNo: students.studentNo })
      .from(graduationCertificates)
      .innerJoin(students, eq(students.id, graduationCertificates.studentId))
      .where(like(students.studentNo, "202198000%"));
    expect(numbered.map((n) => n.studentNo).sort()).toEqual(["2021980001", "2021980003"]);
    expect(dashboard.problems).toEqual([]);
    await page.close();
  }, 120_000);
});
