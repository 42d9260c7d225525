import { createHash } from "node:crypto";

const FLUSH_AT = 1 << 16;

/**
 * SHA-256 of `canonicalJson(value)`, without building that string: the text is written in pieces of
 * about 64 KB straight into the hash (a 50,000-row grid is tens of MB as one string). Same bytes, same
 * digest — a client id sent again before and after this change still matches its first receipt.
 */
export function canonicalSha256(value: unknown): string {
  const hash = createHash("sha256");
  let buffer = "";
  const quoted = new Map<string, string>();
  const key = (k: string) => {
    let q = quoted.get(k);
    if (q === undefined) {
      q = JSON.stringify(k);
      if (quoted.size < 4096) quoted.set(k, q);
    }
    return q;
  };
  const write = (v: unknown): void => {
    if (v === undefined || v === null) {
      buffer += "null";
      return;
    }
    if (typeof v !== "object") {
      buffer += JSON.stringify(v);
      return;
    }
    if (Array.isArray(v)) {
      buffer += "[";
      for (let i = 0; i < v.length; i++) {
        if (i > 0) buffer += ",";
        write(v[i]);
      }
      buffer += "]";
    } else {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o);
      // Few keys, usually: an insertion sort in place, no comparator call per object.
      for (let i = 1; i < keys.length; i++) {
        const k = keys[i] as string;
        let j = i - 1;
        while (j >= 0 && (keys[j] as string) > k) {
          keys[j + 1] = keys[j] as string;
          j--;
        }
        keys[j + 1] = k;
      }
      buffer += "{";
      let first = true;
      for (const k of keys) {
        const item = o[k];
        if (item === undefined) continue;
        if (!first) buffer += ",";
        first = false;
        buffer += key(k);
        buffer += ":";
        write(item);
      }
      buffer += "}";
    }
    if (buffer.length >= FLUSH_AT) {
      hash.update(buffer);
      buffer = "";
    }
  };
  write(value);
  hash.update(buffer);
  return hash.digest("hex");
}
