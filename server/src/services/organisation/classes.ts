import { AppError, type ClassInput, checkClass } from "@xueji/shared";
import { and, eq, isNull, ne } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { classes, majors } from "../../db/schema";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { refuse } from "./org-errors";

export interface ClassRecord extends ClassInput {
  majorId: number;
}

const COLUMNS = { id: classes.id, name: classes.name, majorId: classes.majorId, grade: classes.grade, retiredAt: classes.retiredAt };

async function assertMajorOpen(tx: Executor, majorId: number): Promise<void> {
  const [major] = await tx
    .select({ id: majors.id })
    .from(majors)
    .where(and(eq(majors.id, majorId), isNull(majors.retiredAt)));
  if (!major) throw new AppError("org.unknown-major", { value: String(majorId) });
}

async function assertClassFree(tx: Executor, name: string, id: number | null): Promise<void> {
  const [other] = await tx
    .select({ id: classes.id })
    .from(classes)
    .where(and(eq(classes.name, name), id === null ? undefined : ne(classes.id, id)));
  if (other) throw new AppError("org.duplicate-name", { entity: "班级", value: name });
}

export async function createClass(db: Db, actor: Actor, input: ClassRecord) {
  const value = { ...input, name: input.name.trim() };
  refuse("class", checkClass(value));
  return db.transaction(async (tx) => {
    await assertMajorOpen(tx, value.majorId);
    await assertClassFree(tx, value.name, null);
    const [row] = await tx.insert(classes).values(value).returning(COLUMNS);
    if (!row) throw new Error("insert returned no row");
    await recordEvent(tx, actor, { action: "class.create", entity: "class", entityId: String(row.id), after: value });
    return row;
  });
}

export async function updateClass(db: Db, actor: Actor, id: number, input: ClassRecord) {
  const value = { ...input, name: input.name.trim() };
  refuse("class", checkClass(value));
  return db.transaction(async (tx) => {
    const [before] = await tx.select(COLUMNS).from(classes).where(eq(classes.id, id));
    if (!before) throw new AppError("org.not-found", { entity: "班级" });
    if (before.majorId !== value.majorId) await assertMajorOpen(tx, value.majorId);
    await assertClassFree(tx, value.name, id);
    const [row] = await tx.update(classes).set(value).where(eq(classes.id, id)).returning(COLUMNS);
    await recordEvent(tx, actor, {
      action: "class.update",
      entity: "class",
      entityId: String(id),
      before: { name: before.name, majorId: before.majorId, grade: before.grade },
      after: value,
    });
    return row as typeof before;
  });
}
