import { AppError, type CalendarTask, graduateFreezeFrom } from "@xueji/shared";
import { and, desc, eq, gte, inArray, lte } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { freezeLifts, students, users } from "../../db/schema";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { currentAcademicYear } from "../organisation/current-academic-year";
import { settingInForce } from "../settings/settings-store";

/**
 * seed 000 六.1: “毕业生信息核对 … 毕业生所有信息在当年的四月底之后不再进行更改及补充”. From the day after the
 * registrar calendar's freeze row (default: the end of April), the identity and certificate fields of the year's
 * graduates — students still 在读 or 休学 whose expected graduation falls in the academic year — are frozen:
 * 学籍信息修改, an import that would change them, anything but a graduate's 学历勘误. The registrar leader lifts it for
 * one student, with a reason (liftFreeze).
 */
export interface FreezeState {
  academicYear: string;
  /** The first frozen day. */
  from: string;
  /** Today falls on or after `from` and the student graduates this year. */
  applies: boolean;
  lift: { reason: string; by: string; at: string } | null;
}

const GRADUATING_STATUSES = ["enrolled", "suspended"];

async function freezeFrom(db: Executor, academicYear: string): Promise<string> {
  const tasks = (await settingInForce<{ tasks: CalendarTask[] }>(db, "registrar-calendar", "default", academicYear)).value.tasks ?? [];
  return graduateFreezeFrom(academicYear, tasks);
}

/** The graduation window of an academic year: 2025-2026 → the days from 2025-09-01 to 2026-08-31. */
function graduationWindow(academicYear: string): [string, string] {
  const start = Number(academicYear.slice(0, 4));
  return [`${start}-09-01`, `${start + 1}-08-31`];
}

/** The freeze as it stands for one student today: whether it applies, from when, and the lift if there is one. */
export async function freezeStateOf(
  db: Executor,
  student: { id: number; status: string; expectedGraduationDate: string },
  today: string,
): Promise<FreezeState> {
  const academicYear = await currentAcademicYear(db, today);
  const from = await freezeFrom(db, academicYear);
  const [first, last] = graduationWindow(academicYear);
  const graduating =
    GRADUATING_STATUSES.includes(student.status) && student.expectedGraduationDate >= first && student.expectedGraduationDate <= last;
  const [lift] = await db
    .select({ reason: freezeLifts.reason, by: users.displayName, at: freezeLifts.liftedAt })
    .from(freezeLifts)
    .innerJoin(users, eq(users.id, freezeLifts.liftedBy))
    .where(and(eq(freezeLifts.studentId, student.id), eq(freezeLifts.academicYear, academicYear)))
    .orderBy(desc(freezeLifts.id))
    .limit(1);
  return {
    academicYear,
    from,
    applies: graduating && today >= from,
    lift: lift ? { reason: lift.reason, by: lift.by, at: lift.at.toISOString() } : null,
  };
}

/** Refuses a change to a frozen graduate's identity or certificate fields, naming the day the freeze began. */
export async function refuseFrozen(
  db: Executor,
  student: { id: number; status: string; expectedGraduationDate: string },
  today: string,
): Promise<void> {
  const state = await freezeStateOf(db, student, today);
  if (state.applies && !state.lift) throw new AppError("student.graduate-data-frozen", { from: state.from });
}

/** The year's graduates frozen today (no lift), for an import that reads the whole record at once. */
export async function frozenStudentIds(db: Executor, today: string): Promise<{ ids: Set<number>; from: string }> {
  const academicYear = await currentAcademicYear(db, today);
  const from = await freezeFrom(db, academicYear);
  if (today < from) return { ids: new Set(), from };
  const [first, last] = graduationWindow(academicYear);
  const [graduating, lifted] = await Promise.all([
    db
      .select({ id: students.id })
      .from(students)
      .where(
        and(
          inArray(students.status, GRADUATING_STATUSES),
          gte(students.expectedGraduationDate, first),
          lte(students.expectedGraduationDate, last),
        ),
      ),
    db.select({ id: freezeLifts.studentId }).from(freezeLifts).where(eq(freezeLifts.academicYear, academicYear)),
  ]);
  const liftedIds = new Set(lifted.map((l) => l.id));
  return { ids: new Set(graduating.map((g) => g.id).filter((id) => !liftedIds.has(id))), from };
}

/** The registrar leader lifts the freeze for one student of the year's graduates, with a reason; audited. */
export async function liftFreeze(db: Db, actor: Actor & { userId: number }, input: { studentNo: string; reason: string; today: string }) {
  const reason = input.reason.trim();
  if (!reason) throw new AppError("student.freeze-reason-required");
  const [student] = await db.select().from(students).where(eq(students.studentNo, input.studentNo)).limit(1);
  if (!student) throw new AppError("student.unknown", { studentNo: input.studentNo });
  const state = await freezeStateOf(db, student, input.today);
  if (!state.applies) throw new AppError("student.not-frozen", { from: state.from });
  if (state.lift) throw new AppError("student.freeze-already-lifted");
  return db.transaction(async (tx) => {
    await tx.insert(freezeLifts).values({ studentId: student.id, academicYear: state.academicYear, reason, liftedBy: actor.userId });
    await recordEvent(tx, actor, {
      action: "student.lift-freeze",
      entity: "student",
      entityId: student.studentNo,
      before: { frozen: true, from: state.from },
      after: { frozen: false, academicYear: state.academicYear, reason },
    });
    return { studentNo: student.studentNo, academicYear: state.academicYear };
  });
}

/**
 * The freeze as the graduation pages show it (seed 000 六.1): the year's graduation cohort, the first frozen day,
 * whether it holds today, and each student the registrar leader lifted it for (in the viewer's colleges), newest first.
 */
export async function graduateFreezeOverview(db: Db, options: { today: string; collegeId?: number | undefined }) {
  const academicYear = await currentAcademicYear(db, options.today);
  const from = await freezeFrom(db, academicYear);
  const lifts = await db
    .select({
      studentNo: students.studentNo,
      name: students.name,
      reason: freezeLifts.reason,
      by: users.displayName,
      at: freezeLifts.liftedAt,
    })
    .from(freezeLifts)
    .innerJoin(students, eq(students.id, freezeLifts.studentId))
    .innerJoin(users, eq(users.id, freezeLifts.liftedBy))
    .where(
      and(
        eq(freezeLifts.academicYear, academicYear),
        options.collegeId !== undefined ? eq(students.collegeId, options.collegeId) : undefined,
      ),
    )
    .orderBy(desc(freezeLifts.id));
  return {
    academicYear,
    cohort: Number(academicYear.slice(0, 4)) + 1,
    from,
    frozen: options.today >= from,
    lifts: lifts.map((l) => ({ ...l, at: l.at.toISOString() })),
  };
}
