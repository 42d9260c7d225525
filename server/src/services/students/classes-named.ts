import { inArray } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { classes } from "../../db/schema";

/**
 * The classes a student's changes name by id (a 留级 moves `classId` 6 → 7): their names, so that a history or a
 * notice reads 计科2402 → 计科2501. The colleges and majors are in the dashboard's reference data; classes are too
 * many to send every page.
 */
export async function classesNamed(
  db: Executor,
  changes: ReadonlyArray<{ field: string; before: unknown; after: unknown }>,
  requested: Readonly<Record<string, unknown>> = {},
): Promise<Array<{ id: number; name: string }>> {
  const ids = new Set<number>();
  const add = (value: unknown) => {
    if (typeof value === "number" && Number.isInteger(value)) ids.add(value);
  };
  for (const change of changes)
    if (change.field === "classId") {
      add(change.before);
      add(change.after);
    }
  add(requested.classId);
  if (ids.size === 0) return [];
  return db
    .select({ id: classes.id, name: classes.name })
    .from(classes)
    .where(inArray(classes.id, [...ids]));
}
