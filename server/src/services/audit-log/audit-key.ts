import { createHmac, randomBytes } from "node:crypto";
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { dirname } from "node:path";

/**
 * The key of the audit chain's HMAC (docs/operations.md, “The audit log”). It is never stored in
 * the database: someone who can rewrite the table cannot recompute the chain without it. It comes from XUEJI_AUDIT_KEY,
 * or from a key file (created at the server's first start, mode 0600).
 */
export const MIN_KEY_LENGTH = 32;

let configured: Buffer | undefined;
let ephemeral: Buffer | undefined;

export type KeySource = "env" | "file" | "created";

export class AuditKeyMissing extends Error {
  constructor(readonly file: string) {
    super(`no audit key: neither XUEJI_AUDIT_KEY nor ${file}`);
  }
}

export class AuditKeyTooShort extends Error {
  constructor() {
    super(`XUEJI_AUDIT_KEY must be at least ${MIN_KEY_LENGTH} characters`);
  }
}

function fromText(text: string): Buffer {
  const trimmed = text.trim();
  if (trimmed.length < MIN_KEY_LENGTH) throw new AuditKeyTooShort();
  return Buffer.from(trimmed, "utf8");
}

/**
 * Loads the key for this process: XUEJI_AUDIT_KEY, else the key file; `create` makes the file when
 * it does not exist (the server's first start), else a missing key is an error (the CLI's verify).
 */
export function loadAuditKey(file: string, create: boolean, env: NodeJS.ProcessEnv = process.env): KeySource {
  if (env.XUEJI_AUDIT_KEY) {
    configured = fromText(env.XUEJI_AUDIT_KEY);
    return "env";
  }
  if (existsSync(file)) {
    configured = fromText(readFileSync(file, "utf8"));
    return "file";
  }
  if (!create) throw new AuditKeyMissing(file);
  mkdirSync(dirname(file), { recursive: true });
  const text = `${randomBytes(32).toString("hex")}\n`;
  // "wx": two processes starting at once cannot both write a key; the loser reads the winner's.
  try {
    const fd = openSync(file, "wx", 0o600);
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    chmodSync(file, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    configured = fromText(readFileSync(file, "utf8"));
    return "file";
  }
  configured = fromText(text);
  return "created";
}

/**
 * The key new events are chained with. A process that loaded none (tests, scripts) gets
 * XUEJI_AUDIT_KEY if set, else a random key of its own, so that nothing is ever chained unkeyed.
 */
export function auditKey(): Buffer {
  if (configured) return configured;
  if (process.env.XUEJI_AUDIT_KEY) return fromText(process.env.XUEJI_AUDIT_KEY);
  ephemeral ??= randomBytes(32);
  return ephemeral;
}

/** A fingerprint that names the key without revealing it (written in checkpoints). */
export function keyId(key: Buffer = auditKey()): string {
  return createHmac("sha256", key).update("xueji-audit-key-id").digest("hex").slice(0, 16);
}
