import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { auditKey } from "../audit-log/audit-key";

/**
 * Channel secrets (a robot's webhook address and signing secret, an SMTP password) are stored sealed with
 * AES-256-GCM under a key derived from the server's audit key (XUEJI_AUDIT_KEY or the key file beside the
 * data folder, data-paths.ts). The key is never in the database, so a copy of the database alone does
 * not reveal where the school's groups can be written to.
 */
function boxKey(): Buffer {
  return Buffer.from(hkdfSync("sha256", auditKey(), Buffer.alloc(0), "xueji-notification-secrets", 32));
}

export function seal(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", boxKey(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(".");
}

export class SecretUnreadable extends Error {}

export function open(sealed: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new SecretUnreadable("unknown secret format");
  try {
    const decipher = createDecipheriv("aes-256-gcm", boxKey(), Buffer.from(iv, "base64"));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
  } catch {
    // Sealed under another key (the audit key was replaced): the registrar enters the secret again.
    throw new SecretUnreadable("secret sealed under another key");
  }
}
