import { type CertificateSchool, checkSchool, type SchoolInput } from "@xueji/shared";
import { eq, sql } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { school } from "../../db/schema";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { refuse } from "./org-errors";

/** The school record, or null before the administrator entered it. */
export async function schoolRecord(db: Executor): Promise<SchoolInput | null> {
  const [row] = await db
    .select({ name: school.name, code: school.code, presidentName: school.presidentName })
    .from(school)
    .where(eq(school.id, 1));
  return row ?? null;
}

/**
 * What a certificate prints and is numbered by (seed 003 第十五条): the school record, over the
 * graduation-audit setting's certificate block, which only a database without a school record still reads.
 */
export async function certificateSchool(db: Executor, fromSetting: CertificateSchool): Promise<CertificateSchool> {
  const record = await schoolRecord(db);
  if (!record) return fromSetting;
  return { ...fromSetting, schoolName: record.name, schoolCode: record.code, presidentName: record.presidentName };
}

/** Creates or changes the school record, audited with what it was. */
export async function saveSchool(db: Db, actor: Actor, input: SchoolInput): Promise<SchoolInput> {
  const value = { name: input.name.trim(), code: input.code.trim(), presidentName: input.presidentName.trim() };
  refuse("school", checkSchool(value));
  return db.transaction(async (tx) => {
    const before = await schoolRecord(tx);
    await tx
      .insert(school)
      .values({ id: 1, ...value })
      .onConflictDoUpdate({ target: school.id, set: { ...value, updatedAt: sql`now()` } });
    await recordEvent(tx, actor, {
      action: before ? "school.update" : "school.create",
      entity: "school",
      entityId: "1",
      before,
      after: value,
    });
    return value;
  });
}
