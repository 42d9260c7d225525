import type { Workflow } from "@xueji/shared";
import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { applications, colleges, majors, students } from "../../db/schema";
import { workflowOf } from "../applications/workflow-for";
import { writeTextWorkbook } from "./write-text-workbook";

/**
 * The list a batch of decisions is posted (公示) or issued (发文) with: who, which change, why,
 * and the notice number, under the title the registrar gives it.
 */
export async function decisionListExport(
  db: Db,
  options: { applicationIds: readonly number[]; title: string },
): Promise<{ rows: string[][]; file: Buffer }> {
  const found = await db
    .select({ a: applications, studentNo: students.studentNo, name: students.name, college: colleges.name, major: majors.name })
    .from(applications)
    .innerJoin(students, eq(students.id, applications.studentId))
    .innerJoin(colleges, eq(colleges.id, applications.collegeId))
    .innerJoin(majors, eq(majors.id, students.majorId))
    .where(inArray(applications.id, [...options.applicationIds]))
    .orderBy(asc(colleges.code), asc(students.studentNo));
  const workflows = new Map<string, Workflow>();
  for (const { a } of found) {
    const key = `${a.type}/${a.workflowVersion}`;
    if (!workflows.has(key)) workflows.set(key, await workflowOf(db, a.type, a.workflowVersion));
  }
  const rows = found.map(({ a, studentNo, name, college, major }, i) => {
    const workflow = workflows.get(`${a.type}/${a.workflowVersion}`) as Workflow;
    const reason = workflow.reasons.find((r) => r.code === a.reasonCode)?.name["zh-CN"] ?? a.reasonCode;
    return [String(i + 1), studentNo, name, college, major, workflow.name["zh-CN"], reason, a.noticeNo ?? ""];
  });
  const header = ["序号", "学号", "姓名", "学院", "专业", "异动类型", "原因", "通知单号"];
  return { rows, file: await writeTextWorkbook("名单", header, rows, options.title) };
}
