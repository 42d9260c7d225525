import { eq } from "drizzle-orm";
import type { Db, Executor } from "../../../db/client";
import { signOnSettings } from "../../../db/schema";
import { type Actor, recordEvent } from "../../audit-log/record-event";
import { open, SecretUnreadable, seal } from "../../notifications/secret-box";
import { SIGN_ON_ENV, type SignOnConfig, type SignOnField, type SignOnFields, signOnConfigOf, signOnEnvFields } from "./sign-on-config";

/** The fields the dashboard shows back; the client secret is not one of them. */
export const PLAIN_SIGN_ON_FIELDS = [
  "casUrl",
  "casVersion",
  "casIdAttribute",
  "oidcIssuer",
  "oidcClientId",
  "oidcAuthMethod",
  "oidcIdClaim",
  "passwords",
  "contact",
] as const satisfies readonly SignOnField[];
export type PlainSignOnField = (typeof PLAIN_SIGN_ON_FIELDS)[number];

export interface SignOnSettingsView {
  /** As the administrator stored them (null: not set). */
  stored: Record<PlainSignOnField, string | null>;
  /** The fields the environment sets, which win over the stored ones: the variable, and its value (never the secret's). */
  fromEnv: Array<{ field: SignOnField; env: string; value: string | null }>;
  /** Whether a client secret is there (stored or from the environment); its value never leaves the server. */
  secretSet: boolean;
  /** What the sign-in page offers now. */
  active: { cas: boolean; oidc: boolean; passwords: "all" | "administrators" };
  revision: number;
}

type Row = typeof signOnSettings.$inferSelect;

async function storedRow(db: Executor): Promise<Row | null> {
  const [row] = await db.select().from(signOnSettings).where(eq(signOnSettings.id, 1)).limit(1);
  return row ?? null;
}

function storedFields(row: Row | null): SignOnFields {
  if (!row) return {};
  const fields: SignOnFields = {};
  for (const field of PLAIN_SIGN_ON_FIELDS) if (row.config[field]) fields[field] = row.config[field];
  if (row.clientSecret)
    try {
      fields.oidcClientSecret = open(row.clientSecret);
    } catch (error) {
      // Sealed under another key (the audit key was replaced): OIDC is off until the secret is entered again.
      if (!(error instanceof SecretUnreadable)) throw error;
    }
  return fields;
}

function effective(row: Row | null, env: NodeJS.ProcessEnv): SignOnConfig {
  return signOnConfigOf({ ...storedFields(row), ...signOnEnvFields(env) }, env);
}

/**
 * The configuration in force, read per request. Within one process a save drops the cache at once;
 * the other processes behind the load balancer re-read the row when their copy is older than
 * CACHE_MS, so a save reaches every process within that time without a query on every request.
 */
const CACHE_MS = 5_000;
const cache = new WeakMap<Db, { at: number; env: NodeJS.ProcessEnv; config: Promise<SignOnConfig> }>();

export function signOnInForce(db: Db, env: NodeJS.ProcessEnv = process.env, now = Date.now()): Promise<SignOnConfig> {
  const kept = cache.get(db);
  if (kept && kept.env === env && now - kept.at < CACHE_MS) return kept.config;
  const config = storedRow(db).then((row) => effective(row, env));
  cache.set(db, { at: now, env, config });
  // A failed read is not kept: the next request tries again.
  config.catch(() => cache.delete(db));
  return config;
}

export async function readSignOnSettings(db: Executor, env: NodeJS.ProcessEnv = process.env): Promise<SignOnSettingsView> {
  const row = await storedRow(db);
  const envFields = signOnEnvFields(env);
  const config = effective(row, env);
  const stored = Object.fromEntries(PLAIN_SIGN_ON_FIELDS.map((f) => [f, row?.config[f] || null])) as SignOnSettingsView["stored"];
  const fromEnv = (Object.keys(envFields) as SignOnField[]).map((field) => ({
    field,
    env: SIGN_ON_ENV[field],
    value: field === "oidcClientSecret" ? null : (envFields[field] ?? null),
  }));
  return {
    stored,
    fromEnv,
    secretSet: !!row?.clientSecret || !!envFields.oidcClientSecret,
    active: { cas: !!config.cas, oidc: !!config.oidc, passwords: config.passwords },
    revision: row?.revision ?? 0,
  };
}

/** The client secret as entered: a new value (sealed before it is stored), keep what is there, or remove it. */
export type ClientSecretInput = { value: string } | { keep: true } | { clear: true };

export interface SaveSignOnInput {
  stored: Partial<Record<PlainSignOnField, string | null>>;
  clientSecret: ClientSecretInput;
}

/** Stores the administrator's sign-on settings, audited (the fields changed; the secret only as "changed"). */
export async function saveSignOnSettings(
  db: Db,
  actor: Actor,
  input: SaveSignOnInput,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SignOnSettingsView> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(signOnSettings).where(eq(signOnSettings.id, 1)).for("update").limit(1);
    const config: Record<string, string> = {};
    for (const field of PLAIN_SIGN_ON_FIELDS) {
      const value = input.stored[field]?.trim();
      if (value) config[field] = value;
    }
    const secret = input.clientSecret;
    const clientSecret = "keep" in secret ? (before?.clientSecret ?? null) : "clear" in secret ? null : seal(secret.value);
    const values = { config, clientSecret, revision: (before?.revision ?? 0) + 1, updatedAt: new Date() };
    if (before) await tx.update(signOnSettings).set(values).where(eq(signOnSettings.id, 1));
    else await tx.insert(signOnSettings).values({ id: 1, ...values });
    await recordEvent(tx, actor, {
      action: "sign-on.settings-save",
      entity: "sign_on_settings",
      entityId: "1",
      before: before ? { config: before.config } : null,
      after: { config, secretChanged: !("keep" in secret) },
    });
  });
  cache.delete(db);
  return readSignOnSettings(db, env);
}
