import { createHmac, timingSafeEqual } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Db } from "../../db/client";
import { auditKey, keyId } from "./audit-key";
import { canonicalJson } from "./canonical-json";
import { type ChainHead, type ChainVerdict, verifyChain } from "./verify-chain";

/**
 * A signed checkpoint of the audit log's head: how many events there were and the hash of the last,
 * signed with the audit key and written OUTSIDE the database, to a folder the registrar keeps
 * (issue 7 item 16). The hash chain alone cannot show that its tail was deleted or the whole
 * table emptied; comparing with the newest checkpoint can.
 */
export interface Checkpoint {
  version: 1;
  at: string;
  count: number;
  lastId: number;
  headHash: string;
  keyId: string;
  signature: string;
}

const PREFIX = "audit-checkpoint-";

function sign(fields: Omit<Checkpoint, "signature">, key: Buffer): string {
  return createHmac("sha256", key).update(canonicalJson(fields)).digest("hex");
}

export class ChainBroken extends Error {}

/** Verifies the chain and, if intact, writes a checkpoint of its head. Never signs a broken chain. */
export async function writeCheckpoint(
  db: Db,
  dir: string,
  now = new Date(),
  key = auditKey(),
): Promise<{ file: string; checkpoint: Checkpoint } | null> {
  const verdict = await verifyChain(db, { key });
  if (!verdict.ok) throw new ChainBroken(`audit chain broken at event ${verdict.brokenAt}`);
  if (!verdict.head) return null;
  const head: ChainHead = verdict.head;
  const fields = {
    version: 1 as const,
    at: now.toISOString(),
    count: head.count,
    lastId: head.lastId,
    headHash: head.hash,
    keyId: keyId(key),
  };
  const checkpoint: Checkpoint = { ...fields, signature: sign(fields, key) };
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${PREFIX}${fields.at.replace(/[:.]/g, "-")}.json`);
  // Written whole or not at all: a crash mid-write must not leave a checkpoint that fails to parse.
  writeFileSync(`${file}.tmp`, `${JSON.stringify(checkpoint, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  return { file, checkpoint };
}

export type NewestCheckpoint =
  | { kind: "none" }
  | { kind: "valid"; file: string; checkpoint: Checkpoint }
  /** A file whose signature does not hold: forged, edited, or signed with another key. */
  | { kind: "invalid"; file: string; otherKey: boolean };

/** The newest checkpoint in `dir` by its signed time; a checkpoint that fails its signature is reported, not skipped. */
export function newestCheckpoint(dir: string, key = auditKey()): NewestCheckpoint {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.startsWith(PREFIX) && f.endsWith(".json"));
  } catch {
    return { kind: "none" };
  }
  let newest: NewestCheckpoint = { kind: "none" };
  let newestAt = "";
  for (const name of files) {
    const file = join(dir, name);
    let parsed: Checkpoint;
    try {
      parsed = JSON.parse(readFileSync(file, "utf8")) as Checkpoint;
    } catch {
      return { kind: "invalid", file, otherKey: false };
    }
    const { signature, ...fields } = parsed;
    const expected = Buffer.from(sign(fields, key), "hex");
    const given = Buffer.from(String(signature), "hex");
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return { kind: "invalid", file, otherKey: parsed.keyId !== keyId(key) };
    if (parsed.at > newestAt) {
      newestAt = parsed.at;
      newest = { kind: "valid", file, checkpoint: parsed };
    }
  }
  return newest;
}

export type CheckpointComparison =
  | { ok: true }
  /** The log has fewer events than the checkpoint saw: its tail was deleted, or it was emptied. */
  | { ok: false; reason: "shorter"; expected: number; found: number }
  /** The event the checkpoint saw last now has another hash: the chain was recomputed. */
  | { ok: false; reason: "rewritten"; expected: number };

/** Compares a verified chain (walked with `hashAt: checkpoint.count`) with a checkpoint. */
export function compareWithCheckpoint(verdict: ChainVerdict & { ok: true }, checkpoint: Checkpoint): CheckpointComparison {
  if (verdict.checked < checkpoint.count) return { ok: false, reason: "shorter", expected: checkpoint.count, found: verdict.checked };
  if (verdict.hashAt !== checkpoint.headHash) return { ok: false, reason: "rewritten", expected: checkpoint.count };
  return { ok: true };
}
