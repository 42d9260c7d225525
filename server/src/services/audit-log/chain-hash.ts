import { createHash, createHmac } from "node:crypto";
import { auditKey } from "./audit-key";
import { canonicalJson } from "./canonical-json";

export const GENESIS_HASH = "0".repeat(64);

export interface HashedFields {
  at: string;
  userId: number | null;
  role: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  prevHash: string;
}

/**
 * The hash of an event: HMAC-SHA256 with the audit key over the event and the hash before it. Events
 * written before the key existed (before migration 0008) carry a plain SHA-256 (`key` null); they
 * stay verifiable as such, and the first keyed event links to them, so the key protects them too.
 */
export function hashEvent(e: HashedFields, key: Buffer | null = auditKey()): string {
  return linkHash(e.prevHash, eventTail(e), key);
}

/**
 * What is hashed is canonicalJson([prevHash, at, userId, role, action, entity, entityId, before, after, requestId]):
 * everything after the link is the event's own: written out when the event is recorded, sealed, and linked later.
 */
export function eventTail(e: Omit<HashedFields, "prevHash">): string {
  return canonicalJson([e.at, e.userId, e.role, e.action, e.entity, e.entityId, e.before ?? null, e.after ?? null, e.requestId]).slice(1);
}

/** The hash of an event whose text after the link is `tail`: the same bytes as canonicalJson of the whole. */
export function linkHash(prevHash: string, tail: string, key: Buffer | null): string {
  return (key ? createHmac("sha256", key) : createHash("sha256")).update(`[${JSON.stringify(prevHash)},${tail}`).digest("hex");
}

/**
 * An event's seal: HMAC-SHA256 with the audit key over its own fields (the text after the link). It guards an event
 * between its commit and its link; the chainer refuses to link one whose seal fails. Its input starts with the
 * event's time in quotes, a chain hash's with "[", so no seal is ever a chain hash.
 */
export function sealOf(tail: string, key: Buffer): string {
  return createHmac("sha256", key).update(tail).digest("hex");
}
