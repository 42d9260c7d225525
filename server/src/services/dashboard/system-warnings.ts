import { type Locale, type Role, scopeOf } from "@xueji/shared";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { healthWarnings } from "../../http/health-warnings";

export const systemWarningsOutput = z.object({
  /** Years whose State Council holidays are not in the calendar: a deadline in one of them may still move (暂定). */
  provisionalYears: z.array(z.number()),
  /** What needs fixing, in the reader's language; only for roles that can fix it (settings.write). */
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});

/**
 * The warnings the server knows (today: this academic year's holiday calendar lacks a year it spans),
 * for the screens: every reader learns which deadlines are provisional, and those who can enter the
 * holidays (settings.write, docs/domain.md §1) see what to do.
 */
export async function systemWarnings(db: Executor, options: { today: string; role: Role; locale: Locale }) {
  const found = await healthWarnings(db, options.today);
  const canFix = scopeOf("settings.write", options.role) !== null;
  return {
    provisionalYears: [...new Set(found.flatMap((w) => w.years ?? []))].sort(),
    warnings: canFix ? found.map((w) => ({ code: w.code, message: w.message[options.locale] })) : [],
  };
}
