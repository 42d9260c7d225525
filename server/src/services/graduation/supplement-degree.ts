import { AppError, auditGraduate, graduationReasonText, levelAwardsDegree } from "@xueji/shared";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { degreeCommitteeDecisions, graduationAudits, graduationCertificates, students } from "../../db/schema";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { auditRulesInForce } from "./audit-rules-in-force";
import { auditInputOf, auditSubjects, outstandingRequiredFailures } from "./audit-subjects";
import { liveCertificate } from "./convert-completion";
import type { CommitteeDecision } from "./override-audit";

/**
 * 学位补授 (seed 004 “毕业证书换发、学位补授”; seed 000 六.5 “学位证超过两年不再补授”): a graduate who left without
 * a degree and meets the conditions later is awarded it on a decision of the 学位委员会 — its own stage, recorded
 * from the minutes with the meeting's date and number — within two years of leaving (the 毕业证书's date). The
 * degree conditions are read again on today's record; 专科 has no degree to award.
 */
export async function supplementDegree(db: Db, options: { actor: Actor; studentNo: string; committee: CommitteeDecision }) {
  const [s] = await auditSubjects(db, eq(students.studentNo, options.studentNo)).limit(1);
  if (!s) throw new AppError("student.unknown", { studentNo: options.studentNo });
  const refuse = (reasons: string) => new AppError("graduation.supplement-not-eligible", { studentNo: s.studentNo, reasons });
  if (!options.committee.decidedOn || !options.committee.meetingNo.trim()) throw new AppError("graduation.committee-required");
  const certificate = await liveCertificate(db, s.id);
  if (s.status !== "graduated" || certificate?.kind !== "graduation") throw refuse("未毕业");
  if (certificate.degreeAwarded) throw refuse("已授予学位");
  if (!levelAwardsDegree(s.level)) throw refuse(graduationReasonText({ code: "degree-level", level: s.level }, "zh-CN"));

  const date = options.committee.decidedOn;
  const rules = await auditRulesInForce(db, date);
  const failures = await outstandingRequiredFailures(db, [s.id]);
  const result = auditGraduate({ ...auditInputOf(s, date, failures.get(s.id) ?? 0), leftOn: certificate.issueDate }, rules);
  if (result.degree !== "award") throw refuse(result.degreeReasons.map((r) => graduationReasonText(r, "zh-CN")).join("；"));

  return db.transaction(async (tx) => {
    const [decision] = await tx
      .insert(degreeCommitteeDecisions)
      .values({
        studentId: s.id,
        decidedOn: date,
        meetingNo: options.committee.meetingNo.trim(),
        recordedBy: options.actor.userId as number,
      })
      .returning({ id: degreeCommitteeDecisions.id });
    await tx
      .update(graduationCertificates)
      .set({ degreeAwarded: true, degreeAwardedOn: date, degreeCommitteeId: decision?.id ?? null })
      .where(eq(graduationCertificates.id, certificate.id));
    if (certificate.auditId !== null)
      await tx.update(graduationAudits).set({ degree: "award", degreeReasons: [] }).where(eq(graduationAudits.id, certificate.auditId));
    await recordEvent(tx, options.actor, {
      action: "graduation.degree-supplement",
      entity: "student",
      entityId: s.studentNo,
      before: { degreeAwarded: false },
      after: { degreeAwarded: true, certificateNo: certificate.certificateNo, committee: options.committee },
    });
    return { studentNo: s.studentNo, certificateNo: certificate.certificateNo, degreeAwardedOn: date };
  });
}
