import { AppError } from "@xueji/shared";
import { and, desc, eq, lte, max, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { settingVersions } from "../../db/schema";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { inputProblemOf } from "../input-problem";
import { SETTING_KINDS, type SettingKind } from "./setting-kinds";

export interface SettingVersion<T = unknown> {
  version: number;
  validFrom: string;
  value: T;
}

/** The version in force for an academic year: the latest valid-from not after it, its newest version; else the default. */
export async function settingInForce<T>(db: Executor, kind: SettingKind, key: string, academicYear: string): Promise<SettingVersion<T>> {
  const [row] = await db
    .select()
    .from(settingVersions)
    .where(and(eq(settingVersions.kind, kind), eq(settingVersions.key, key), lte(settingVersions.validFrom, academicYear)))
    .orderBy(desc(settingVersions.validFrom), desc(settingVersions.version))
    .limit(1);
  if (row) return { version: row.version, validFrom: row.validFrom, value: row.value as T };
  return { version: 0, validFrom: "2000-2001", value: SETTING_KINDS[kind].default(key) as T };
}

export async function settingByVersion<T>(db: Executor, kind: SettingKind, key: string, version: number): Promise<SettingVersion<T>> {
  if (version === 0) return { version: 0, validFrom: "2000-2001", value: SETTING_KINDS[kind].default(key) as T };
  const [row] = await db
    .select()
    .from(settingVersions)
    .where(and(eq(settingVersions.kind, kind), eq(settingVersions.key, key), eq(settingVersions.version, version)))
    .limit(1);
  if (!row) return settingByVersion(db, kind, key, 0);
  return { version: row.version, validFrom: row.validFrom, value: row.value as T };
}

/** Saves a new version (checked against the kind's shape), in one transaction with its audit event. */
export async function saveSetting(
  db: Executor,
  options: {
    actor: Actor;
    kind: SettingKind;
    key: string;
    validFrom: string;
    value: unknown;
    reason: string;
    /** A restore publishes a past version's value as a new version, and the log says which. */
    restoredFrom?: number;
  },
) {
  const spec = SETTING_KINDS[options.kind];
  if (!(spec.keys as readonly string[]).includes(options.key))
    throw new AppError("input.invalid", { problem: "setting-key", key: options.key });
  const parsed = spec.schema.safeParse(options.value);
  if (!parsed.success) throw new AppError("input.invalid", inputProblemOf(parsed.error, ["value"]));
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`setting:${options.kind}:${options.key}`}))`);
    const [{ latest } = { latest: 0 }] = await tx
      .select({ latest: max(settingVersions.version) })
      .from(settingVersions)
      .where(and(eq(settingVersions.kind, options.kind), eq(settingVersions.key, options.key)));
    const [saved] = await tx
      .insert(settingVersions)
      .values({
        kind: options.kind,
        key: options.key,
        version: (latest ?? 0) + 1,
        validFrom: options.validFrom,
        value: parsed.data,
        reason: options.reason,
        createdBy: options.actor.userId,
      })
      .returning();
    await recordEvent(tx, options.actor, {
      action: options.restoredFrom === undefined ? "setting.save" : "setting.restore",
      entity: "setting",
      entityId: `${options.kind}/${options.key}`,
      after: {
        version: saved?.version,
        validFrom: options.validFrom,
        reason: options.reason,
        ...(options.restoredFrom === undefined ? {} : { restoredFrom: options.restoredFrom }),
      },
    });
    return saved as typeof settingVersions.$inferSelect;
  });
}
