import { AppError, checkTerm, type TermInput } from "@xueji/shared";
import { eq } from "drizzle-orm";
import type { Db, Executor } from "../../db/client";
import { terms } from "../../db/schema";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { refuse } from "./org-errors";

const COLUMNS = {
  code: terms.code,
  academicYear: terms.academicYear,
  startDate: terms.startDate,
  endDate: terms.endDate,
  retiredAt: terms.retiredAt,
};

/** Every term but retired ones: a retired term's dates no longer claim any day. */
export async function termDates(tx: Executor): Promise<TermInput[]> {
  const rows = await tx.select(COLUMNS).from(terms);
  return rows.filter((r) => r.retiredAt === null);
}

/** Creates a term, or changes the dates of the one with this code (the code is its key: sheets and results name it). */
export async function saveTerm(db: Db, actor: Actor, input: TermInput, mode: "create" | "update") {
  const value = { code: input.code.trim(), startDate: input.startDate, endDate: input.endDate };
  return db.transaction(async (tx) => {
    const [before] = await tx.select(COLUMNS).from(terms).where(eq(terms.code, value.code));
    if (mode === "create" && before) throw new AppError("org.duplicate-code", { entity: "学期", value: value.code, other: value.code });
    if (mode === "update" && !before) throw new AppError("org.not-found", { entity: "学期" });
    refuse("term", checkTerm(value, await termDates(tx)));
    const row = { ...value, academicYear: value.code.slice(0, 9) };
    const [saved] = before
      ? await tx.update(terms).set(row).where(eq(terms.code, value.code)).returning(COLUMNS)
      : await tx.insert(terms).values(row).returning(COLUMNS);
    await recordEvent(tx, actor, {
      action: before ? "term.update" : "term.create",
      entity: "term",
      entityId: value.code,
      before: before ? { startDate: before.startDate, endDate: before.endDate } : null,
      after: row,
    });
    return saved as NonNullable<typeof saved>;
  });
}
