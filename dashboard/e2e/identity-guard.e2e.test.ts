// @vitest-environment node
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { applications, students } from "../../server/src/db/schema";
import { describeInChromium } from "../../test/chromium";
import { fileNameChange, firstSecretary, studentWithNothingFiled } from "./demo-picks";
import { ARTIFACTS, dashboardInChromium } from "./harness";

/**
 * seed 000 八: a graduate's identity data is not changed by 学籍信息修改 (only a 学历勘误 may follow): the
 * secretary who files one is told why, in Chinese, and nothing is written.
 */
describeInChromium("a refused identity change for a graduate, in Chromium against a real server", () => {
  const dashboard = dashboardInChromium({ viewport: { width: 1440, height: 1100 } });

  it("seed 000 八: 学籍信息修改 for a graduate is refused at filing, naming 学历（学位）勘误", async () => {
    const { db } = dashboard;
    const secretary = await firstSecretary(db);
    const graduate = await studentWithNothingFiled(db, secretary.collegeId);
    // The student has graduated (毕业 executed): the record is closed.
    await db.update(students).set({ status: "graduated" }).where(eq(students.id, graduate.id));

    const page = await dashboard.signIn(secretary.username);
    const dialog = await fileNameChange(page, dashboard.base, graduate.studentNo);
    await dialog.getByText(/该生学籍状态为“毕业”，学籍已终止，不能再修改姓名、身份证号等学籍信息。/).waitFor();
    await dialog.getByText(/请走学历（学位）勘误/).waitFor();
    await dialog.getByText(/请走学历（学位）勘误/).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, "identity-change-refused-graduate.png"), fullPage: true });

    // Nothing was written: no application, the name as it was.
    expect(await db.select().from(applications).where(eq(applications.studentId, graduate.id))).toEqual([]);
    const [after] = await db.select({ name: students.name }).from(students).where(eq(students.id, graduate.id));
    expect(after?.name).toBe(graduate.name);
    expect(dashboard.problems).toEqual([]);
    await page.close();
  }, 180_000);
});
