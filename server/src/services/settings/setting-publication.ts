import { AppError, type Locale } from "@xueji/shared";
import { and, asc, desc, eq, lte } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { settingVersions, users } from "../../db/schema";
import type { Actor } from "../audit-log/record-event";
import { checkSetting, type SettingIssue } from "./setting-issues";
import { SETTING_KINDS, type SettingKind } from "./setting-kinds";
import { saveSetting } from "./settings-store";

export type PublishResult = { status: "published"; version: number; validFrom: string } | { status: "invalid"; issues: SettingIssue[] };

/**
 * Publishes a draft as a new version taking effect from an academic year. An invalid draft is not
 * an error of the request but an answer: the issues, each with its path, so the editor shows them at the field.
 */
export async function publishSetting(
  db: Executor,
  options: {
    actor: Actor;
    kind: SettingKind;
    key: string;
    validFrom: string;
    value: unknown;
    reason: string;
    locale: Locale;
    restoredFrom?: number;
  },
): Promise<PublishResult> {
  const checked = checkSetting(options.kind, options.key, options.value, options.locale);
  if (!checked.ok) return { status: "invalid", issues: checked.issues };
  const saved = await saveSetting(db, { ...options, value: checked.value });
  return { status: "published", version: saved.version, validFrom: saved.validFrom };
}

/** Restoring a past version publishes a copy of it as a new version (history is never rewritten), audited as a restore. */
export async function restoreSetting(
  db: Executor,
  options: { actor: Actor; kind: SettingKind; key: string; version: number; validFrom: string; reason: string; locale: Locale },
): Promise<PublishResult> {
  let value: unknown;
  if (options.version === 0) value = SETTING_KINDS[options.kind].default(options.key);
  else {
    const [row] = await db
      .select({ value: settingVersions.value })
      .from(settingVersions)
      .where(
        and(eq(settingVersions.kind, options.kind), eq(settingVersions.key, options.key), eq(settingVersions.version, options.version)),
      );
    if (!row) throw new AppError("input.invalid", { problem: "setting-version", version: options.version });
    value = row.value;
  }
  return publishSetting(db, { ...options, value, restoredFrom: options.version });
}

/** Every version of a setting, newest first, with who published it; the built-in default closes the list as version 0. */
export async function settingVersionList(db: Executor, kind: SettingKind, key: string) {
  const rows = await db
    .select({
      version: settingVersions.version,
      validFrom: settingVersions.validFrom,
      value: settingVersions.value,
      reason: settingVersions.reason,
      createdAt: settingVersions.createdAt,
      author: users.displayName,
    })
    .from(settingVersions)
    .leftJoin(users, eq(users.id, settingVersions.createdBy))
    .where(and(eq(settingVersions.kind, kind), eq(settingVersions.key, key)))
    .orderBy(desc(settingVersions.version));
  return [
    ...rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), value: r.value as unknown })),
    { version: 0, validFrom: null, value: SETTING_KINDS[kind].default(key) as unknown, reason: null, createdAt: null, author: null },
  ];
}

/**
 * For each kind and key: the version in force in an academic year, and the newest version (which
 * may be waiting for a later year), so the settings page shows what applies now and what is scheduled.
 */
export async function settingsOverview(db: Executor, academicYear: string) {
  const rows = await db
    .select({
      kind: settingVersions.kind,
      key: settingVersions.key,
      version: settingVersions.version,
      validFrom: settingVersions.validFrom,
    })
    .from(settingVersions)
    .orderBy(asc(settingVersions.kind), asc(settingVersions.key), asc(settingVersions.version));
  const inForce = await db
    .select({
      kind: settingVersions.kind,
      key: settingVersions.key,
      version: settingVersions.version,
      validFrom: settingVersions.validFrom,
    })
    .from(settingVersions)
    .where(lte(settingVersions.validFrom, academicYear))
    .orderBy(desc(settingVersions.validFrom), desc(settingVersions.version));
  return (Object.keys(SETTING_KINDS) as SettingKind[]).flatMap((kind) =>
    SETTING_KINDS[kind].keys.map((key) => {
      const mine = rows.filter((r) => r.kind === kind && r.key === key);
      const current = inForce.find((r) => r.kind === kind && r.key === key);
      const latest = mine.at(-1);
      return {
        kind,
        key,
        inForce: current ? { version: current.version, validFrom: current.validFrom } : { version: 0, validFrom: null },
        latest: latest ? { version: latest.version, validFrom: latest.validFrom } : { version: 0, validFrom: null },
        versions: mine.length,
      };
    }),
  );
}
