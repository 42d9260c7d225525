import {
  AppError,
  type ApplicationType,
  entryByCode,
  type Material,
  requiredMaterials,
  STUDENT_STATUS,
  type StudentStatus,
  statusGuard,
  type Workflow,
} from "@xueji/shared";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { applications, pendingItems, students } from "../../db/schema";
import { refuseFrozen } from "../students/graduate-freeze";

/**
 * Refuses what 办理 would refuse, before it: at filing and again at each decision, since the record
 * may have moved in between (docs/domain.md §5). `executed` once 办理 has passed — the status has
 * then moved by this very application, so only an identity change (which takes effect at 生效) is
 * checked again.
 */
export async function refuseWhatExecutionWould(
  db: Executor,
  application: { type: ApplicationType; studentId: number },
  student: { status: string },
  workflow: Pick<Workflow, "event">,
  executed = false,
  today?: string,
): Promise<void> {
  const status = student.status as StudentStatus;
  if (!executed || application.type === "identity-change") {
    const refusal = statusGuard(application.type, status, workflow);
    if (refusal)
      throw new AppError(refusal.code, {
        ...refusal.params,
        status: entryByCode(STUDENT_STATUS, status)?.name ?? status,
        type: application.type,
      });
  }
  // seed 000 六.1: after the end of April the year's graduates' identity data is frozen (unless lifted for the student).
  if (application.type === "identity-change" && today) {
    const [held] = await db
      .select({ id: students.id, status: students.status, expectedGraduationDate: students.expectedGraduationDate })
      .from(students)
      .where(eq(students.id, application.studentId))
      .limit(1);
    if (held) await refuseFrozen(db, held, today);
  }
  if (executed) return;
  // seed 004 附件二 备注: a voluntary 降级 / 退学 “适用于按学籍管理相关规定未达降级（退学）条件而自愿申请” —
  // a student whose failed credits reached the band is carried through the standing rules' own route.
  const standing =
    application.type === "demotion"
      ? ({ kind: "repeat", code: "application.repeat-pending" } as const)
      : application.type === "withdrawal"
        ? ({ kind: "dismissal", code: "application.dismissal-pending" } as const)
        : null;
  if (!standing) return;
  const [pending] = await db
    .select({ id: pendingItems.id })
    .from(pendingItems)
    .where(and(eq(pendingItems.studentId, application.studentId), eq(pendingItems.kind, standing.kind), eq(pendingItems.state, "pending")))
    .limit(1);
  if (pending) throw new AppError(standing.code, { type: application.type });
}

/**
 * The reason of the 休学 a 复学 ends: the student's last executed suspension. seed 004 附件二 复学: “因病办理
 * 休学学生还须提供医院康复证明，因参军办理休学的学生还须附退役证明” — the materials follow that reason,
 * whatever reason the 复学 names.
 */
export async function endedSuspensionReason(db: Executor, studentId: number): Promise<string | null> {
  const [last] = await db
    .select({ reasonCode: applications.reasonCode })
    .from(applications)
    .where(and(eq(applications.studentId, studentId), eq(applications.type, "suspension"), isNotNull(applications.executedOn)))
    .orderBy(desc(applications.executedOn), desc(applications.id))
    .limit(1);
  return last?.reasonCode ?? null;
}

/** The materials 报送 asks of this application: the type's, its reason's, and for 复学 those of the 休学 it ends. */
export async function materialsOf(
  db: Executor,
  application: { type: ApplicationType; studentId: number; reasonCode: string },
  workflow: Pick<Workflow, "materials" | "reasons">,
): Promise<Material[]> {
  const ended = application.type === "resumption" ? await endedSuspensionReason(db, application.studentId) : null;
  return requiredMaterials(workflow, application.reasonCode, ended);
}
