import { AppError, canonicalRowKey } from "@xueji/shared";
import { desc, eq, lt } from "drizzle-orm";
import type { Db } from "../../db/client";
import { sheetRows, sheetSubmissions } from "../../db/schema";
import { canonicalJson } from "../audit-log/canonical-json";
import { reaches, type Viewer } from "../viewer";
import { inSlot } from "./sheet-slot";

export interface SubmissionDiff {
  submissionId: string;
  previousId: string | null;
  collegeId: number;
  added: string[];
  removed: string[];
  changed: Array<{ key: string; fields: string[] }>;
}

/**
 * What a version changed against the one before it, row by row (a row is known by its student
 * and, on a failed-course sheet, its term and course), field by field.
 */
export async function diffSubmissions(db: Db, viewer: Viewer, submissionId: string): Promise<SubmissionDiff> {
  const [current] = await db.select().from(sheetSubmissions).where(eq(sheetSubmissions.id, submissionId)).limit(1);
  // Another college's submission is "not found", exactly like a missing one.
  if (!current || !reaches(viewer.scope, current.collegeId)) throw new AppError("sheet.not-found");
  const [previous] = await db
    .select()
    .from(sheetSubmissions)
    .where(inSlot(current, lt(sheetSubmissions.version, current.version)))
    .orderBy(desc(sheetSubmissions.version))
    .limit(1);
  const load = async (id: string) => {
    const rows = await db.select({ values: sheetRows.values }).from(sheetRows).where(eq(sheetRows.submissionId, id));
    return new Map(rows.map((r) => [canonicalRowKey(current.kind, r.values), r.values as Record<string, unknown>]));
  };
  const now = await load(current.id);
  const before = previous ? await load(previous.id) : new Map<string, Record<string, unknown>>();
  const changed: SubmissionDiff["changed"] = [];
  for (const [key, values] of now) {
    const old = before.get(key);
    if (!old) continue;
    const fields = [...new Set([...Object.keys(values), ...Object.keys(old)])].filter(
      (f) => canonicalJson(values[f]) !== canonicalJson(old[f]),
    );
    if (fields.length) changed.push({ key, fields: fields.sort() });
  }
  return {
    submissionId: current.id,
    previousId: previous?.id ?? null,
    collegeId: current.collegeId,
    added: [...now.keys()].filter((k) => !before.has(k)),
    removed: [...before.keys()].filter((k) => !now.has(k)),
    changed,
  };
}
