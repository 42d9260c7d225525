import { AppError, type CollegeInput, checkCollege } from "@xueji/shared";
import { and, eq, ne, or } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { colleges } from "../../db/schema";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { refuse } from "./org-errors";

const COLUMNS = { id: colleges.id, code: colleges.code, name: colleges.name, retiredAt: colleges.retiredAt };

function tidy(input: CollegeInput): CollegeInput {
  return { code: input.code.trim(), name: input.name.trim() };
}

/** Refuses a code or a name another college holds (both are unique: sheets name a college by either). */
export async function assertCollegeFree(tx: Executor, value: CollegeInput, id: number | null): Promise<void> {
  const others = await tx
    .select(COLUMNS)
    .from(colleges)
    .where(and(or(eq(colleges.code, value.code), eq(colleges.name, value.name)), id === null ? undefined : ne(colleges.id, id)));
  const sameCode = others.find((o) => o.code === value.code);
  if (sameCode) throw new AppError("org.duplicate-code", { entity: "学院", value: value.code, other: sameCode.name });
  if (others.length > 0) throw new AppError("org.duplicate-name", { entity: "学院", value: value.name });
}

export async function createCollege(db: Db, actor: Actor, input: CollegeInput) {
  const value = tidy(input);
  refuse("college", checkCollege(value));
  return db.transaction(async (tx) => {
    await assertCollegeFree(tx, value, null);
    const [row] = await tx.insert(colleges).values(value).returning(COLUMNS);
    if (!row) throw new Error("insert returned no row");
    await recordEvent(tx, actor, { action: "college.create", entity: "college", entityId: String(row.id), after: value });
    return row;
  });
}

export async function updateCollege(db: Db, actor: Actor, id: number, input: CollegeInput) {
  const value = tidy(input);
  refuse("college", checkCollege(value));
  return db.transaction(async (tx) => {
    const [before] = await tx.select(COLUMNS).from(colleges).where(eq(colleges.id, id));
    if (!before) throw new AppError("org.not-found", { entity: "学院" });
    await assertCollegeFree(tx, value, id);
    const [row] = await tx.update(colleges).set(value).where(eq(colleges.id, id)).returning(COLUMNS);
    await recordEvent(tx, actor, {
      action: "college.update",
      entity: "college",
      entityId: String(id),
      before: { code: before.code, name: before.name },
      after: value,
    });
    return row as typeof before;
  });
}
