import { AppError, checkMajor, MAX_STUDY_YEARS, type MajorInput } from "@xueji/shared";
import { and, eq, isNull, ne } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { colleges, majors } from "../../db/schema";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { refuse } from "./org-errors";

export interface MajorRecord extends MajorInput {
  collegeId: number;
}

const COLUMNS = {
  id: majors.id,
  code: majors.code,
  name: majors.name,
  collegeId: majors.collegeId,
  level: majors.level,
  duration: majors.duration,
  studyForm: majors.studyForm,
  requiredCredits: majors.requiredCredits,
  degreeCategory: majors.degreeCategory,
  retiredAt: majors.retiredAt,
};

export function tidyMajor(input: MajorRecord): MajorRecord {
  return { ...input, code: input.code.trim().toUpperCase(), name: input.name.trim(), degreeCategory: input.degreeCategory || null };
}

/** The longest a student may study (seed 000 六.5: 专科 5, 本科 6 years), at least the length of study. */
export function maxStudyYearsOf(level: string, duration: number): number {
  return Math.max(MAX_STUDY_YEARS[level] ?? 6, Math.ceil(duration));
}

async function assertCollegeOpen(tx: Executor, collegeId: number): Promise<void> {
  const [college] = await tx
    .select({ id: colleges.id })
    .from(colleges)
    .where(and(eq(colleges.id, collegeId), isNull(colleges.retiredAt)));
  if (!college) throw new AppError("org.unknown-college", { value: String(collegeId) });
}

/** A major is one code at one level (专科 and 本科 may share a code's name, not its level). */
async function assertMajorFree(tx: Executor, value: MajorRecord, id: number | null): Promise<void> {
  const [other] = await tx
    .select(COLUMNS)
    .from(majors)
    .where(and(eq(majors.code, value.code), eq(majors.level, value.level), id === null ? undefined : ne(majors.id, id)));
  if (other) throw new AppError("org.duplicate-code", { entity: "专业", value: value.code, other: other.name });
}

export async function createMajor(db: Db, actor: Actor, input: MajorRecord) {
  const value = tidyMajor(input);
  refuse("major", checkMajor(value));
  return db.transaction(async (tx) => {
    await assertCollegeOpen(tx, value.collegeId);
    await assertMajorFree(tx, value, null);
    const [row] = await tx
      .insert(majors)
      .values({ ...value, maxStudyYears: maxStudyYearsOf(value.level, value.duration) })
      .returning(COLUMNS);
    if (!row) throw new Error("insert returned no row");
    await recordEvent(tx, actor, { action: "major.create", entity: "major", entityId: String(row.id), after: value });
    return row;
  });
}

export async function updateMajor(db: Db, actor: Actor, id: number, input: MajorRecord) {
  const value = tidyMajor(input);
  refuse("major", checkMajor(value));
  return db.transaction(async (tx) => {
    const [before] = await tx.select(COLUMNS).from(majors).where(eq(majors.id, id));
    if (!before) throw new AppError("org.not-found", { entity: "专业" });
    if (before.collegeId !== value.collegeId) await assertCollegeOpen(tx, value.collegeId);
    await assertMajorFree(tx, value, id);
    const [row] = await tx
      .update(majors)
      .set({ ...value, maxStudyYears: maxStudyYearsOf(value.level, value.duration) })
      .where(eq(majors.id, id))
      .returning(COLUMNS);
    const { retiredAt: _r, id: _i, ...was } = before;
    await recordEvent(tx, actor, { action: "major.update", entity: "major", entityId: String(id), before: was, after: value });
    return row as typeof before;
  });
}
