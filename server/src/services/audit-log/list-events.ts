import { and, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { auditEvents } from "../../db/schema";
import { maskDeep } from "../masking";
import { afterCursor, type Keyset, keyColumns, keysetOrder, type PageOptions, toPage, withoutKeys } from "../paging";
import type { Viewer } from "../viewer";
import { visibleTo } from "./visible-events";

/** Newest first by id, the chain's order: `auditLog.list` and `auditLog.search` page alike. */
export const NEWEST_FIRST: Keyset = { name: "audit-log/id", parts: [{ expr: auditEvents.id, type: "int8" }], direction: "desc" };

/**
 * The audit log, newest first. The stored events keep ID numbers in full (the hash covers them);
 * what leaves the server is masked for roles that see ID numbers masked elsewhere.
 */
export async function listEvents(db: Db, viewer: Viewer, o: PageOptions) {
  const after: SQL | undefined = afterCursor(NEWEST_FIRST, o.cursor);
  // The registrar's staff read their own domain's events only (the same rule as auditLog.search).
  const visible = visibleTo(viewer.role);
  const rows = await db
    .select({ ...auditEventColumns, ...keyColumns(NEWEST_FIRST) })
    .from(auditEvents)
    .where(and(after, visible))
    .orderBy(...keysetOrder(NEWEST_FIRST))
    .limit(o.limit + 1);
  return toPage(NEWEST_FIRST, rows, o.limit, (r) => {
    const e = withoutKeys(r);
    return { ...e, before: maskDeep(viewer.role, e.before), after: maskDeep(viewer.role, e.after) };
  });
}

const auditEventColumns = {
  id: auditEvents.id,
  at: auditEvents.at,
  userId: auditEvents.userId,
  role: auditEvents.role,
  action: auditEvents.action,
  entity: auditEvents.entity,
  entityId: auditEvents.entityId,
  before: auditEvents.before,
  after: auditEvents.after,
  requestId: auditEvents.requestId,
  prevHash: auditEvents.prevHash,
  hash: auditEvents.hash,
};
