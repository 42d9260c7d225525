import type { Role } from "@xueji/shared";
import type { Db } from "../../db/client";
import { decideApplication } from "../applications/decide-application";
import { fileApplication } from "../applications/file-application";
import type { Actor } from "../audit-log/record-event";

/**
 * 结业换毕业 from the graduation page: the registrar files the student's application with the make-up results
 * and submits it at once, so it goes up its chain — 教务处审核 → 教务处处长签字 → 主管教学校领导签字 — and is carried
 * out at 办理 (seed 002 三.2 “补考成绩由教务处审核通过后，向学校领导递交结业证换毕业生申请”). Refused now when the
 * student would not pass the audit again.
 */
export async function fileCompletionConversion(
  db: Db,
  options: {
    actor: Actor & { role: Role; collegeId: number | null };
    studentNo: string;
    scopeCollegeId: number | null;
    reason: string;
    today: string;
  },
) {
  const filed = await fileApplication(db, {
    actor: options.actor,
    scopeCollegeId: options.scopeCollegeId,
    studentNo: options.studentNo,
    type: "completion-to-graduation",
    reasonCode: "makeup-passed",
    materials: ["application-form", "makeup-results"],
    note: options.reason,
    today: options.today,
  });
  const submitted = await decideApplication(db, {
    actor: options.actor,
    applicationId: filed.id,
    expectedVersion: filed.version,
    action: "submit",
    today: options.today,
  });
  return { applicationId: submitted.id, stage: submitted.stage };
}
