import { createHash, randomBytes } from "node:crypto";

// Crockford's base32: no I, L, O, U, so a code read off paper is typed right.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A fresh verification code: 120 random bits as 24 base32 characters — not guessable, not derived from the document. */
export function newVerifyCode(): string {
  const bytes = randomBytes(15);
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** A code as typed (lower case, hyphens, O for 0) in its canonical form, or null when it cannot be one. */
export function normaliseVerifyCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  return /^[0-9A-HJKMNP-TV-Z]{24}$/.test(code) ? code : null;
}

export function hashVerifyCode(code: string): string {
  return createHash("sha256").update(code).digest("hex");
}
