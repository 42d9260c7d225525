import { AppError, type ApplicationType, academicYearOf, MATERIALS, type Material, parseIdNumber, textCell } from "@xueji/shared";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { applications, classes, majors, students } from "../../db/schema";
import { type Actor, recordEvent } from "../audit-log/record-event";
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
  today: string;
}

async function validChanges(
  db: Db,
  type: ApplicationType,
  changes: Record<string, string | number>,
  student: { grade: number },
): Promise<{ changes: Record<string, string | number>; targetCollegeId: number | null }> {
  const fail = (detail: string) => new AppError("application.changes-invalid", { detail });
  if (type === "change-major") {
    const majorId = Number(changes.majorId);
    const [major] = await db.select().from(majors).where(eq(majors.id, majorId)).limit(1);
    if (!major) throw fail("转入专业不存在 / unknown major");
    if (changes.classId !== undefined) {
      const [klass] = await db
        .select()
        .from(classes)
        .where(and(eq(classes.id, Number(changes.classId)), eq(classes.majorId, majorId)))
        .limit(1);
      if (!klass) throw fail("转入班级不属于转入专业 / the class is not in that major");
    }
    return {
      changes: { majorId, ...(changes.classId !== undefined ? { classId: Number(changes.classId) } : {}) },
      targetCollegeId: major.collegeId,
    };
  }
  if (type === "demotion" || type === "academic-demotion") {
    const grade = Number(changes.grade);
    if (!Number.isInteger(grade) || grade <= student.grade || grade > student.grade + 3)
      throw fail("降级后的年级应晚于现年级 / the new grade must be a later one");
    return { changes: { grade, ...(changes.classId !== undefined ? { classId: Number(changes.classId) } : {}) }, targetCollegeId: null };
  }
  if (type === "identity-change") {
    const allowed = ["name", "idNumber", "gender", "birthDate", "ethnicity"];
    const picked = Object.fromEntries(Object.entries(changes).filter(([k]) => allowed.includes(k)));
    if (Object.keys(picked).length === 0) throw fail("没有要修改的身份信息 / nothing to change");
    if (picked.idNumber !== undefined) {
      const parsed = parseIdNumber(textCell(String(picked.idNumber)));
      if (!parsed.value || parsed.issues.some((i) => i.severity === "error"))
        throw fail("新的身份证号无效 / the new ID number is not valid");
      picked.idNumber = parsed.value.id;
    }
    return { changes: picked, targetCollegeId: null };
  }
  return { changes: {}, targetCollegeId: null };
}

/** A secretary files an application (草稿) for a student of their own college. */
export async function fileApplication(db: Db, options: FileApplicationOptions) {
  const workflow = await workflowInForce(db, options.type, academicYearOf(options.today));
  if (!workflow.reasons.some((r) => r.code === options.reasonCode)) {
    throw new AppError("application.unknown-reason", { type: workflow.name["zh-CN"], reason: options.reasonCode });
  }
  const [student] = await db.select().from(students).where(eq(students.studentNo, options.studentNo)).limit(1);
  if (!student) throw new AppError("student.unknown", { studentNo: options.studentNo });
  if (options.scopeCollegeId !== null && student.collegeId !== options.scopeCollegeId) throw new AppError("auth.other-college");
  const { changes, targetCollegeId } = await validChanges(db, options.type, options.changes ?? {}, student);
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
      after: { type: options.type, studentNo: student.studentNo, reasonCode: options.reasonCode, materials, changes },
    });
    return application;
  });
}
