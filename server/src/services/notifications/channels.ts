import { AppError } from "@xueji/shared";
import { asc, eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { colleges, notificationChannels } from "../../db/schema";
import { type Actor, recordEvent } from "../audit-log/record-event";
import type { OpenChannel } from "./channel-senders";
import { open, seal } from "./secret-box";

export type ChannelKind = "wecom" | "dingtalk" | "email";
type ChannelRow = typeof notificationChannels.$inferSelect;

/** Which fields of each kind are secret (sealed, never shown back) and which are plain settings. */
export const SECRET_FIELDS: Record<ChannelKind, readonly string[]> = {
  wecom: ["webhookUrl"],
  dingtalk: ["webhookUrl", "signSecret"],
  email: ["password"],
};
export const CONFIG_FIELDS: Record<ChannelKind, readonly string[]> = {
  wecom: [],
  dingtalk: [],
  email: ["host", "port", "secure", "user", "from", "to"],
};

/** How the dashboard sees a secret: set or not, or the environment variable it is read from; never its value. */
export type SecretState = { state: "set" } | { state: "unset" } | { state: "env"; env: string };

export interface ChannelView {
  id: number;
  collegeId: number | null;
  collegeName: string | null;
  kind: ChannelKind;
  enabled: boolean;
  config: Record<string, string | number | boolean>;
  secrets: Record<string, SecretState>;
}

function view(row: ChannelRow, collegeName: string | null): ChannelView {
  const kind = row.kind as ChannelKind;
  const secrets: Record<string, SecretState> = {};
  for (const field of SECRET_FIELDS[kind]) {
    const stored = row.secrets[field];
    secrets[field] = !stored ? { state: "unset" } : "env" in stored ? { state: "env", env: stored.env } : { state: "set" };
  }
  return { id: row.id, collegeId: row.collegeId, collegeName, kind, enabled: row.enabled, config: row.config, secrets };
}

export async function listChannels(db: Executor): Promise<ChannelView[]> {
  const rows = await db
    .select({ channel: notificationChannels, collegeName: colleges.name })
    .from(notificationChannels)
    .leftJoin(colleges, eq(colleges.id, notificationChannels.collegeId))
    .orderBy(asc(notificationChannels.collegeId), asc(notificationChannels.id));
  return rows.map((r) => view(r.channel, r.collegeName));
}

/** A secret as entered: a new value (sealed before it is stored), an environment variable's name, or keep what is there. */
export type SecretInput = { value: string } | { env: string } | { keep: true } | { clear: true };

export interface SaveChannelInput {
  id?: number | undefined;
  collegeId: number | null;
  kind: ChannelKind;
  enabled: boolean;
  config: Record<string, string | number | boolean>;
  secrets: Record<string, SecretInput>;
}

/** Adds or changes a channel, with its audit event (which names the secrets changed, never their values). */
export async function saveChannel(db: Executor, actor: Actor, input: SaveChannelInput): Promise<ChannelView> {
  return db.transaction(async (tx) => {
    const [before] = input.id
      ? await tx.select().from(notificationChannels).where(eq(notificationChannels.id, input.id)).for("update").limit(1)
      : [];
    if (input.id && !before) throw new AppError("input.invalid", { problem: "channel-unknown" });
    if (before && before.kind !== input.kind) throw new AppError("input.invalid", { problem: "channel-kind" });
    const secrets: ChannelRow["secrets"] = {};
    const changed: string[] = [];
    for (const field of SECRET_FIELDS[input.kind]) {
      const given = input.secrets[field] ?? { keep: true };
      const kept = before?.secrets[field];
      if ("keep" in given) {
        if (kept) secrets[field] = kept;
      } else if ("clear" in given) {
        changed.push(field);
      } else if ("env" in given) {
        secrets[field] = { env: given.env };
        changed.push(field);
      } else {
        secrets[field] = { cipher: seal(given.value) };
        changed.push(field);
      }
    }
    const config = Object.fromEntries(
      CONFIG_FIELDS[input.kind].filter((f) => f in input.config).map((f) => [f, input.config[f] as string]),
    );
    const values = { collegeId: input.collegeId, kind: input.kind, enabled: input.enabled, config, secrets, updatedAt: new Date() };
    const [row] = before
      ? await tx.update(notificationChannels).set(values).where(eq(notificationChannels.id, before.id)).returning()
      : await tx.insert(notificationChannels).values(values).returning();
    const saved = row as ChannelRow;
    await recordEvent(tx, actor, {
      action: "notification.channel-save",
      entity: "notification_channel",
      entityId: String(saved.id),
      before: before ? { enabled: before.enabled, config: before.config } : null,
      after: { collegeId: saved.collegeId, kind: saved.kind, enabled: saved.enabled, config, secretsChanged: changed },
    });
    const [college] = saved.collegeId
      ? await tx.select({ name: colleges.name }).from(colleges).where(eq(colleges.id, saved.collegeId)).limit(1)
      : [];
    return view(saved, college?.name ?? null);
  });
}

/** Why a channel cannot be opened, said on the 通知 page next to its messages. */
export class ChannelNotReady extends Error {}

function secretOf(row: ChannelRow, field: string, env: NodeJS.ProcessEnv): string {
  const stored = row.secrets[field];
  if (!stored) throw new ChannelNotReady(`未设置 ${field}`);
  if ("env" in stored) {
    const value = env[stored.env];
    if (!value) throw new ChannelNotReady(`环境变量 ${stored.env} 未设置`);
    return value;
  }
  try {
    return open(stored.cipher);
  } catch {
    throw new ChannelNotReady(`${field} 无法解密（服务器密钥已更换？请重新填写）`);
  }
}

/** The channel with its secrets opened, ready for channel-senders' `send`. */
export function openChannel(row: ChannelRow, env: NodeJS.ProcessEnv = process.env): OpenChannel {
  switch (row.kind) {
    case "wecom":
      return { kind: "wecom", webhookUrl: secretOf(row, "webhookUrl", env) };
    case "dingtalk":
      return { kind: "dingtalk", webhookUrl: secretOf(row, "webhookUrl", env), signSecret: secretOf(row, "signSecret", env) };
    case "email": {
      const c = row.config;
      if (!c.host || !c.from || !c.to) throw new ChannelNotReady("邮件设置不完整（服务器、发件人、收件人）");
      return {
        kind: "email",
        host: String(c.host),
        port: Number(c.port ?? 465),
        secure: c.secure === undefined ? Number(c.port ?? 465) === 465 : Boolean(c.secure),
        user: String(c.user ?? ""),
        password: c.user ? secretOf(row, "password", env) : "",
        from: String(c.from),
        to: String(c.to),
      };
    }
  }
}
