import { asc, gt } from "drizzle-orm";
import type { Db } from "../../db/client";
import { auditEvents } from "../../db/schema";
import { GENESIS_HASH, hashEvent } from "./record-event";

export type ChainVerdict = { ok: true; checked: number } | { ok: false; checked: number; brokenAt: number; reason: "hash" | "link" };

/**
 * Walks the audit log in order and recomputes every hash: an edited event fails its own hash, a
 * deleted or inserted one breaks the link to its neighbour. Names the first broken event.
 */
export async function verifyChain(db: Db, pageSize = 2000): Promise<ChainVerdict> {
  let prev = GENESIS_HASH;
  let after = 0;
  let checked = 0;
  for (;;) {
    const page = await db.select().from(auditEvents).where(gt(auditEvents.id, after)).orderBy(asc(auditEvents.id)).limit(pageSize);
    if (page.length === 0) return { ok: true, checked };
    for (const e of page) {
      if (e.prevHash !== prev) return { ok: false, checked, brokenAt: e.id, reason: "link" };
      if (hashEvent(e) !== e.hash) return { ok: false, checked, brokenAt: e.id, reason: "hash" };
      prev = e.hash;
      after = e.id;
      checked++;
    }
  }
}
