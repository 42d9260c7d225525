import { AppError, ORG_ENTITY_LABELS } from "@xueji/shared";
import { eq, sql } from "drizzle-orm";
import { type Db, resultRows } from "../../db/client";
import { classes, colleges, majors, terms } from "../../db/schema";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { pgCode } from "./org-errors";

export type RetirableEntity = "college" | "major" | "class" | "term";

/** The row of an entity by its key (an id; a term's code). */
function target(entity: RetirableEntity, key: number | string) {
  switch (entity) {
    case "college":
      return { table: colleges, where: eq(colleges.id, Number(key)), name: colleges.name, retiredAt: colleges.retiredAt };
    case "major":
      return { table: majors, where: eq(majors.id, Number(key)), name: majors.name, retiredAt: majors.retiredAt };
    case "class":
      return { table: classes, where: eq(classes.id, Number(key)), name: classes.name, retiredAt: classes.retiredAt };
    case "term":
      return { table: terms, where: eq(terms.code, String(key)), name: terms.code, retiredAt: terms.retiredAt };
  }
}

/**
 * Retires (or brings back) a college, major, class or term: the records that name it keep it, but it is
 * no longer offered for new ones. Nothing is deleted, so what a past sheet or decision named still reads back.
 */
export async function setRetired(db: Db, actor: Actor, entity: RetirableEntity, key: number | string, retired: boolean) {
  const t = target(entity, key);
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ name: t.name, retiredAt: t.retiredAt }).from(t.table).where(t.where);
    if (!row) throw new AppError("org.not-found", { entity: ORG_ENTITY_LABELS[entity]["zh-CN"] });
    await tx
      .update(t.table)
      .set({ retiredAt: retired ? sql`now()` : null })
      .where(t.where);
    await recordEvent(tx, actor, {
      action: `${entity}.${retired ? "retire" : "restore"}`,
      entity,
      entityId: String(key),
      before: { retired: row.retiredAt !== null },
      after: { retired },
    });
    return { retired };
  });
}

/** Whether anything names a term: sheets, failed-course records and standing items carry its code, not a key. */
async function termInUse(db: Db, code: string): Promise<boolean> {
  const rows = await db.execute(sql`select 1 from sheet_submissions where term_code = ${code}
    union all select 1 from failed_course_records where term_code = ${code}
    union all select 1 from pending_items where term_code = ${code} limit 1`);
  return resultRows(rows).length > 0;
}

/**
 * Deletes a record nothing refers to (one made by mistake). Once a student, a user, a sheet, a major or
 * a class names it, the database's foreign keys refuse, and the registrar is told to retire it instead.
 */
export async function deleteRecord(db: Db, actor: Actor, entity: RetirableEntity, key: number | string): Promise<void> {
  const t = target(entity, key);
  const label = ORG_ENTITY_LABELS[entity]["zh-CN"];
  const [row] = await db.select({ name: t.name }).from(t.table).where(t.where);
  if (!row) throw new AppError("org.not-found", { entity: label });
  if (entity === "term" && (await termInUse(db, String(key)))) throw new AppError("org.in-use", { entity: label, name: row.name });
  try {
    await db.transaction(async (tx) => {
      await tx.delete(t.table).where(t.where);
      await recordEvent(tx, actor, { action: `${entity}.delete`, entity, entityId: String(key), before: { name: row.name } });
    });
  } catch (error) {
    if (pgCode(error) === "23503") throw new AppError("org.in-use", { entity: label, name: row.name });
    throw error;
  }
}
