import {
  AppError,
  type ApplicationType,
  checkPeriod,
  documentKindOf,
  MATERIALS,
  type Material,
  parseIdNumber,
  textCell,
  type Workflow,
} from "@xueji/shared";
import { and, eq, isNull } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { applications, classes, graduationCertificates, majors, students } from "../../db/schema";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { completionReaudit } from "../graduation/convert-completion";
import { idInput } from "../ids";
import { currentAcademicYear } from "../organisation/current-academic-year";
import { checkRulesInForce } from "../sheets/check-sheet";
import { refuseWhatExecutionWould } from "./status-guard";
import { workflowInForce } from "./workflow-for";

export interface FileApplicationOptions {
  actor: Actor;
  /** The college the filer may act for; null for registrar staff (any college). */
  scopeCollegeId: number | null;
  studentNo: string;
  type: ApplicationType;
  reasonCode: string;
  materials: Material[];
  changes?: Record<string, string | number>;
  note?: string | null;
  /** 起止日期, when the workflow asks for them (休学). */
  periodStartsOn?: string | null;
  periodEndsOn?: string | null;
  today: string;
}

/**
 * The period as stored: checked against the workflow (shared checkPeriod), dropped where it asks none.
 * A draft may lack it; 报送 asks for it (decide-application.ts).
 */
export function periodOf(workflow: Workflow, from: string | null | undefined, to: string | null | undefined) {
  const problem = checkPeriod(workflow, from, to, false);
  if (problem) throw new AppError(problem.code, "params" in problem ? problem.params : {});
  return workflow.period ? { periodStartsOn: from ?? null, periodEndsOn: to ?? null } : { periodStartsOn: null, periodEndsOn: null };
}

/** An id in `changes`: a positive int4, else the request is refused before any query (never a 500). */
function idIn(changes: Record<string, string | number>, key: string): number {
  const parsed = idInput.safeParse(typeof changes[key] === "string" ? Number(changes[key]) : changes[key]);
  if (!parsed.success) throw new AppError("application.changes-invalid", { problem: "not-an-id", path: `changes.${key}` });
  return parsed.data;
}

/** The class, if it is one of the major's classes of that intake (年级). */
async function classOf(db: Executor, classId: number, majorId: number, grade: number) {
  const [klass] = await db
    .select({ id: classes.id })
    .from(classes)
    .where(and(eq(classes.id, classId), eq(classes.majorId, majorId), eq(classes.grade, grade)))
    .limit(1);
  return klass;
}

/**
 * What a change may ask for, checked against the student's college and major:
 * 转专业 names a real other major and, optionally, a class of that major and the student's intake;
 * 降级 names a later intake and, optionally, a class of the student's own major and that intake —
 * never another college's class.
 */
export async function validChanges(
  db: Executor,
  type: ApplicationType,
  changes: Record<string, string | number>,
  student: { grade: number; majorId: number },
  today: string,
): Promise<{ changes: Record<string, string | number>; targetCollegeId: number | null }> {
  const fail = (problem: string, params: Record<string, string | number> = {}) =>
    new AppError("application.changes-invalid", { problem, ...params });
  if (type === "change-major") {
    const majorId = idIn(changes, "majorId");
    const [major] = await db.select().from(majors).where(eq(majors.id, majorId)).limit(1);
    if (!major) throw fail("unknown-major");
    if (major.id === student.majorId) throw fail("same-major");
    const classId = changes.classId !== undefined ? idIn(changes, "classId") : undefined;
    if (classId !== undefined && !(await classOf(db, classId, majorId, student.grade)))
      throw fail("class-not-in-new-major", { grade: student.grade });
    return { changes: { majorId, ...(classId !== undefined ? { classId } : {}) }, targetCollegeId: major.collegeId };
  }
  if (type === "demotion" || type === "academic-demotion") {
    const grade = Number(changes.grade);
    if (!Number.isInteger(grade) || grade <= student.grade || grade > student.grade + 3) throw fail("later-grade");
    const classId = changes.classId !== undefined ? idIn(changes, "classId") : undefined;
    if (classId !== undefined && !(await classOf(db, classId, student.majorId, grade))) throw fail("class-not-in-own-major", { grade });
    return { changes: { grade, ...(classId !== undefined ? { classId } : {}) }, targetCollegeId: null };
  }
  if (type === "identity-change" || type === "record-correction") {
    const allowed = ["name", "idNumber", "documentType", "gender", "birthDate", "ethnicity"];
    const picked = Object.fromEntries(Object.entries(changes).filter(([k]) => allowed.includes(k) && String(changes[k]).trim() !== ""));
    if (Object.keys(picked).filter((k) => k !== "documentType").length === 0) throw fail("nothing-to-change");
    // A 证件类型 must name a document 学信网 knows (居民身份证, 港澳居民来往内地通行证, 护照 …).
    if (picked.documentType !== undefined && !documentKindOf(String(picked.documentType))) throw fail("document-type");
    if (picked.idNumber !== undefined) {
      // As the sheets read it (readField): with today's date, so a birth in the future or an impossible age is refused.
      const { ageLimits } = await checkRulesInForce(db, await currentAcademicYear(db, today));
      const documentType = picked.documentType !== undefined ? String(picked.documentType) : null;
      const parsed = parseIdNumber(textCell(String(picked.idNumber)), { today, ageLimits, documentType });
      if (!parsed.value || parsed.issues.some((i) => i.severity === "error")) throw fail("id-number");
      picked.idNumber = parsed.value.id;
    }
    return { changes: picked, targetCollegeId: null };
  }
  return { changes: {}, targetCollegeId: null };
}

/**
 * 结业换毕业 is for a 结业 student who now passes the audit (seed 002 三.2): refused when filed, not after
 * every signature. (Whose identity a 学历勘误 may change is the status guard's: seed 000 八.)
 */
async function assertCertificatePaper(db: Executor, type: ApplicationType, student: typeof students.$inferSelect, today: string) {
  if (type === "completion-to-graduation") await completionReaudit(db, student.id, today);
  // 补发毕业证明书 only for a graduate whose certificate exists (seed 003 第十七条 “学历证书遗失的由学校出具相应的证明书”).
  if (type === "certificate-replacement") {
    const [held] = await db
      .select({ id: graduationCertificates.id })
      .from(graduationCertificates)
      .where(and(eq(graduationCertificates.studentId, student.id), isNull(graduationCertificates.replacedBy)))
      .limit(1);
    if (!held || (student.status !== "graduated" && student.status !== "completed"))
      throw new AppError("application.no-certificate", { studentNo: student.studentNo });
  }
}

/** A secretary files an application (草稿) for a student of their own college. */
export async function fileApplication(db: Db, options: FileApplicationOptions) {
  const workflow = await workflowInForce(db, options.type, await currentAcademicYear(db, options.today));
  if (!workflow.reasons.some((r) => r.code === options.reasonCode)) {
    throw new AppError("application.unknown-reason", { type: options.type, reason: options.reasonCode });
  }
  const [student] = await db.select().from(students).where(eq(students.studentNo, options.studentNo)).limit(1);
  // Another college's student is unknown, exactly like a missing one.
  if (!student || (options.scopeCollegeId !== null && student.collegeId !== options.scopeCollegeId))
    throw new AppError("student.unknown", { studentNo: options.studentNo });
  // The certificate paper's own refusal first: it says more than the status guard's (a 结业换毕业 for one not 结业).
  await assertCertificatePaper(db, options.type, student, options.today);
  await refuseWhatExecutionWould(db, { type: options.type, studentId: student.id }, student, workflow, false, options.today);
  const { changes, targetCollegeId } = await validChanges(db, options.type, options.changes ?? {}, student, options.today);
  const period = periodOf(workflow, options.periodStartsOn, options.periodEndsOn);
  const materials = [...new Set(options.materials)].filter((m) => m in MATERIALS);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(applications)
      .values({
        type: options.type,
        workflowVersion: workflow.version,
        studentId: student.id,
        collegeId: student.collegeId,
        targetCollegeId,
        reasonCode: options.reasonCode,
        materials,
        changes,
        note: options.note ?? null,
        ...period,
        stage: "draft",
        state: "open",
        filedBy: options.actor.userId as number,
      })
      .returning();
    const application = created as typeof applications.$inferSelect;
    await recordEvent(tx, options.actor, {
      action: "application.file",
      entity: "application",
      entityId: String(application.id),
      after: { type: options.type, studentNo: student.studentNo, reasonCode: options.reasonCode, materials, changes, ...period },
    });
    return application;
  });
}
