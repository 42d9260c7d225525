import { and, asc, eq, notExists } from "drizzle-orm";
import type { Page } from "playwright-core";
import type { Db } from "../../server/src/db/client";
import { applications, colleges, students, users } from "../../server/src/db/schema";
import { advanceAuditStage } from "../../server/src/services/graduation/override-audit";
import { runCohortAudit } from "../../server/src/services/graduation/run-cohort-audit";

/** The first secretary of the demo by username, with the college she works for. */
export async function firstSecretary(db: Db): Promise<{ id: number; username: string; collegeId: number }> {
  const [secretary] = await db
    .select({ id: users.id, username: users.username, collegeId: users.collegeId })
    .from(users)
    .where(eq(users.role, "secretary"))
    .orderBy(users.username)
    .limit(1);
  return secretary as { id: number; username: string; collegeId: number };
}

/** The demo's first college by id. */
export async function firstCollege(db: Db): Promise<{ id: number; name: string }> {
  const [college] = await db.select({ id: colleges.id, name: colleges.name }).from(colleges).orderBy(asc(colleges.id)).limit(1);
  return college as { id: number; name: string };
}

/**
 * An enrolled student of the college the demo has filed nothing for, the first by 学号: what a test files for
 * them (or is refused) is then all there is.
 */
export async function studentWithNothingFiled(db: Db, collegeId: number): Promise<{ id: number; studentNo: string; name: string }> {
  const [student] = await db
    .select({ id: students.id, studentNo: students.studentNo, name: students.name })
    .from(students)
    .where(
      and(
        eq(students.collegeId, collegeId),
        eq(students.status, "enrolled"),
        notExists(db.select({ id: applications.id }).from(applications).where(eq(applications.studentId, students.id))),
      ),
    )
    .orderBy(students.studentNo)
    .limit(1);
  return student as { id: number; studentNo: string; name: string };
}

/**
 * The college's cohort audited by the registrar and carried through every stage to the 学位委员会, whose
 * minutes (seed 000 六.2) the test's cohort of 2025 was passed by.
 */
export async function passCohortAudit(db: Db, options: { cohort: number; collegeId: number; requestId: string }) {
  const [registrar] = await db.select({ id: users.id }).from(users).where(eq(users.username, "registrar"));
  const actor = { userId: registrar?.id as number, role: "registrar-staff" as const, requestId: options.requestId };
  const { cohort, collegeId } = options;
  await runCohortAudit(db, { actor, cohort, collegeId });
  for (const from of ["college-review", "registrar-review", "public-notice", "degree-committee"] as const)
    await advanceAuditStage(db, { actor, cohort, collegeId, from, committee: { decidedOn: "2025-06-20", meetingNo: "校学位〔2025〕2号" } });
  return actor;
}

/**
 * A secretary's 学籍信息修改 (身份信息变更, a new name) for the student, saved as the college's draft from the
 * applications page: the dialog, to read what the server answered.
 */
export async function fileNameChange(page: Page, base: string, studentNo: string) {
  await page.goto(`${base}/applications`);
  await page.getByRole("button", { name: "新建异动申请" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("学号").fill(studentNo);
  await dialog.getByRole("combobox", { name: "异动类型" }).click();
  await page.getByRole("option", { name: "学籍信息修改" }).click();
  await dialog.getByRole("combobox", { name: "原因" }).click();
  await page.getByRole("option", { name: "身份信息变更" }).click();
  await dialog.getByLabel("新姓名").fill("改后的名字");
  await dialog.getByRole("button", { name: "保存为学院草稿" }).click();
  return dialog;
}
