import { AppError, entryByCode, type Locale, type RegistrationRules, STUDENT_STATUS } from "@xueji/shared";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { registrationEvents, registrations, students } from "../../db/schema";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { settingInForce } from "../settings/settings-store";
import { registrationDeadlines } from "./registration-deadlines";

export interface SetRegistrationOptions {
  actor: Actor & { userId: number };
  scopeCollegeId: number | null;
  academicYear: string;
  studentNos: string[];
  /** registered: 注册 (补注册 when the student was 暂缓注册); deferred: 暂缓注册, with its reason (欠费 …). */
  to: "registered" | "deferred";
  reason?: string | null | undefined;
  today: string;
  locale: Locale;
}

export interface RegistrationResult {
  studentNo: string;
  ok: boolean;
  from: string | null;
  to: string | null;
  /** 补注册: registered after 暂缓注册 (seed 003 第十一条). */
  late: boolean;
  code: string | null;
  message: string | null;
}

/**
 * 学年注册 of returning students (seed 003 第十条 “从学生入学次年起至毕业，应在每学年第一学期进行学年电子注册”):
 * 注册; 暂缓注册 for a student who has not paid or does not meet the conditions, with the reason; and
 * 补注册 once the conditions are met (第十一条 “不予注册，但可以申请办理暂缓注册手续，符合注册条件后，再给予补注册”).
 * The year's new students are refused (they get 新生学籍电子注册). One transaction; per-student results.
 */
export async function setRegistration(db: Db, options: SetRegistrationOptions): Promise<RegistrationResult[]> {
  if (options.to === "deferred" && !options.reason?.trim()) throw new AppError("registration.reason-required");
  const yearStart = Number(options.academicYear.slice(0, 4));
  return db.transaction(async (tx) => {
    const found = await tx
      .select({
        id: students.id,
        studentNo: students.studentNo,
        collegeId: students.collegeId,
        grade: students.grade,
        status: students.status,
      })
      .from(students)
      .where(inArray(students.studentNo, options.studentNos))
      .for("update");
    const byNo = new Map(found.map((s) => [s.studentNo, s]));
    const current = found.length
      ? await tx
          .select()
          .from(registrations)
          .where(
            and(
              eq(registrations.academicYear, options.academicYear),
              inArray(
                registrations.studentId,
                found.map((s) => s.id),
              ),
            ),
          )
      : [];
    const statusOf = new Map(current.map((r) => [r.studentId, r.status]));
    const results: RegistrationResult[] = [];
    let limitOfYear: { passed: boolean; params: Record<string, string | number> } | undefined;
    const lateLimit = async () => {
      if (!limitOfYear) {
        const { deadlines } = await registrationDeadlines(tx, options.academicYear, options.today);
        const rules = await settingInForce<RegistrationRules>(tx, "registration-rules", "default", options.academicYear);
        const electronic = deadlines.find((d) => d.key === "electronic");
        limitOfYear = {
          passed: electronic?.passed ?? false,
          params: { date: electronic?.date ?? "", months: rules.value.completeMonths },
        };
      }
      return limitOfYear;
    };
    const fail = (studentNo: string, from: string | null, error: AppError): RegistrationResult => ({
      studentNo,
      ok: false,
      from,
      to: null,
      late: false,
      code: error.code,
      message: error.userMessage(options.locale),
    });
    for (const studentNo of [...new Set(options.studentNos)]) {
      const s = byNo.get(studentNo);
      if (!s) {
        results.push(fail(studentNo, null, new AppError("student.unknown", { studentNo })));
        continue;
      }
      // Another college's student reads as unknown, as everywhere (nothing said about who exists elsewhere).
      if (options.scopeCollegeId !== null && s.collegeId !== options.scopeCollegeId) {
        results.push(fail(studentNo, null, new AppError("student.unknown", { studentNo })));
        continue;
      }
      const from = statusOf.get(s.id) ?? null;
      if (s.grade >= yearStart) {
        results.push(fail(studentNo, from, new AppError("registration.not-returning", { studentNo, academicYear: options.academicYear })));
        continue;
      }
      if (s.status !== "enrolled") {
        const status = entryByCode(STUDENT_STATUS, s.status)?.name ?? s.status;
        results.push(fail(studentNo, from, new AppError("registration.wrong-status", { studentNo, status })));
        continue;
      }
      const late = from === "deferred" && options.to === "registered";
      // 补注册 is part of the year's registration, which is complete within a month of the start
      // (seed 003 第十一–十二条, the 学年注册期限 setting): after that day a deferred student is refused.
      const limit = late ? await lateLimit() : null;
      if (limit?.passed) {
        results.push(fail(studentNo, from, new AppError("registration.late-limit-passed", limit.params)));
        continue;
      }
      if (from !== options.to) {
        await tx
          .insert(registrations)
          .values({ studentId: s.id, academicYear: options.academicYear, status: options.to })
          .onConflictDoUpdate({
            target: [registrations.studentId, registrations.academicYear],
            set: { status: options.to, sourceSubmissionId: null, updatedAt: new Date() },
          });
        await tx.insert(registrationEvents).values({
          studentId: s.id,
          academicYear: options.academicYear,
          fromStatus: from,
          toStatus: options.to,
          reason: late ? `补注册${options.reason ? `：${options.reason}` : ""}` : (options.reason ?? null),
          on: options.today,
          by: options.actor.userId,
        });
      }
      results.push({ studentNo, ok: true, from, to: options.to, late, code: null, message: null });
    }
    const changed = results.filter((r) => r.ok && r.from !== r.to);
    if (changed.length) {
      await recordEvent(tx, options.actor, {
        action: options.to === "deferred" ? "registration.defer" : "registration.register",
        entity: "registration",
        entityId: options.academicYear,
        after: { reason: options.reason ?? null, students: changed.map((r) => ({ studentNo: r.studentNo, from: r.from, late: r.late })) },
      });
    }
    return results;
  });
}
