import { createHmac, timingSafeEqual } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Db } from "../../db/client";
import { auditKey, keyId } from "./audit-key";
import { canonicalJson } from "./canonical-json";
import { GENESIS_HASH } from "./chain-hash";
import { type ChainHead, type ChainVerdict, type PendingEventFacts, type PendingTail, verifyChain } from "./verify-chain";

/**
 * A signed checkpoint of the audit log's head: how many events there were and the hash of the last,
 * signed with the audit key and written OUTSIDE the database, to a folder the registrar keeps
 * (docs/operations.md, “The audit log”). The hash chain alone cannot show that its tail was deleted or the whole
 * table emptied; comparing with the newest checkpoint can.
 */
export interface Checkpoint {
  version: 1 | 2;
  at: string;
  count: number;
  lastId: number;
  headHash: string;
  /**
   * (version 2) How many events predate the audit key: pinned by the first checkpoint and carried
   * unchanged into every later one, so that no later chain may hold more plain SHA-256 events.
   */
  preKey?: number;
  keyId: string;
  signature: string;
}

/**
 * The most plain SHA-256 events a chain may hold under this checkpoint. A version-1 checkpoint did
 * not pin the number, but its signed head hash pins its first `count` events: plain ones can only
 * be among them.
 */
export function pinnedPreKey(checkpoint: Checkpoint): number {
  return checkpoint.version === 2 && typeof checkpoint.preKey === "number" ? checkpoint.preKey : checkpoint.count;
}

const PREFIX = "audit-checkpoint-";

function sign(fields: Omit<Checkpoint, "signature">, key: Buffer): string {
  return createHmac("sha256", key).update(canonicalJson(fields)).digest("hex");
}

/** Why no checkpoint was signed: the chain is broken, or does not extend the newest checkpoint. */
export class ChainBroken extends Error {
  constructor(readonly verdict: AuditVerdict & { ok: false }) {
    super(`audit log not intact (${verdict.reason}): no checkpoint signed`);
  }
}

/**
 * Verifies the chain against the newest checkpoint and, if it extends it (no fewer events, the same
 * hash at the checkpoint's count, no more events from before the key), writes a new checkpoint of
 * its head. Never signs a broken or rewritten chain. The first checkpoint pins how many events
 * predate the key; a server writes one even of an empty log (`pinEmpty`) so that the pin exists
 * from its first start.
 */
export async function writeCheckpoint(
  db: Db,
  dir: string,
  now = new Date(),
  key = auditKey(),
  options: { pinEmpty?: boolean } = {},
): Promise<{ file: string; checkpoint: Checkpoint } | null> {
  const verdict = await verifyAuditLog(db, dir, key);
  if (!verdict.ok) throw new ChainBroken(verdict);
  if (!verdict.head && !options.pinEmpty) return null;
  const head: ChainHead = verdict.head ?? { count: 0, lastId: 0, hash: GENESIS_HASH };
  const fields = {
    version: 2 as const,
    at: now.toISOString(),
    count: head.count,
    lastId: head.lastId,
    headHash: head.hash,
    preKey: verdict.preKey,
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
  if (checkpoint.count === 0) return { ok: true };
  if (verdict.checked < checkpoint.count) return { ok: false, reason: "shorter", expected: checkpoint.count, found: verdict.checked };
  if (verdict.hashAt !== checkpoint.headHash) return { ok: false, reason: "rewritten", expected: checkpoint.count };
  return { ok: true };
}

export type AuditVerdict =
  | ({
      ok: true;
      checked: number;
      /** Plain SHA-256 events from before the key found in the chain. */
      unkeyed: number;
      /** The pre-key count a new checkpoint carries: the newest checkpoint's pin, else `unkeyed`. */
      preKey: number;
      head: ChainHead | null;
      checkpoint: { at: string; count: number } | null;
    } & PendingTail)
  | { ok: false; reason: "hash" | "link"; checked: number; brokenAt: number }
  | { ok: false; reason: "seal"; checked: number; pendingId: number; event: PendingEventFacts }
  | { ok: false; reason: "shorter"; checked: number; expected: number; found: number; checkpointAt: string }
  | { ok: false; reason: "rewritten"; checked: number; expected: number; checkpointAt: string }
  /** The newest checkpoint fails its signature (forged, edited, or signed with another key). */
  | { ok: false; reason: "checkpoint"; checked: number; file: string; otherKey: boolean };

/**
 * The whole check, as `xueji audit verify`, `auditLog.verify` and every new checkpoint make it: the
 * chain recomputed event by event, no more plain SHA-256 events than the newest checkpoint pinned,
 * and its head extending that checkpoint.
 */
export async function verifyAuditLog(db: Db, dir: string, key = auditKey()): Promise<AuditVerdict> {
  const newest = newestCheckpoint(dir, key);
  if (newest.kind === "invalid") return { ok: false, reason: "checkpoint", checked: 0, file: newest.file, otherKey: newest.otherKey };
  const checkpoint = newest.kind === "valid" ? newest.checkpoint : undefined;
  const verdict = await verifyChain(db, checkpoint ? { key, hashAt: checkpoint.count, maxUnkeyed: pinnedPreKey(checkpoint) } : { key });
  if (!verdict.ok) return verdict;
  if (!checkpoint) return { ...verdict, preKey: verdict.unkeyed, checkpoint: null };
  const compared = compareWithCheckpoint(verdict, checkpoint);
  if (!compared.ok && compared.reason === "shorter")
    return {
      ok: false,
      reason: "shorter",
      checked: verdict.checked,
      expected: compared.expected,
      found: compared.found,
      checkpointAt: checkpoint.at,
    };
  if (!compared.ok)
    return { ok: false, reason: "rewritten", checked: verdict.checked, expected: compared.expected, checkpointAt: checkpoint.at };
  // A version-1 checkpoint pinned only an upper bound: carry forward what the chain really holds.
  const preKey = checkpoint.version === 2 ? pinnedPreKey(checkpoint) : verdict.unkeyed;
  return { ...verdict, preKey, checkpoint: { at: checkpoint.at, count: checkpoint.count } };
}
