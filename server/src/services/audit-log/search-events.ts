import { isReceiptCode, type Role } from "@xueji/shared";
import { and, asc, eq, gte, like, lt, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { auditEvents, users } from "../../db/schema";
import { jsonAsStored } from "../json-column";
import { maskDeep } from "../masking";
import { afterCursor, keyColumns, keysetOrder, type PageOptions, toPage, withoutKeys } from "../paging";
import { NEWEST_FIRST } from "./list-events";
import { visibleTo } from "./visible-events";

export interface AuditSearch extends PageOptions {
  userId?: number | undefined;
  action?: string | undefined;
  entity?: string | undefined;
  /**
   * An exact entity id (`standing-rules/default`, an application's number), or a sheet's receipt as the pane shows
   * it and a secretary reads it out (eight characters: `receiptCode`).
   */
  entityId?: string | undefined;
  /** Calendar days in China (UTC+8), both included: the registrar thinks in local days, the log stores UTC. */
  fromDate?: string | undefined;
  toDate?: string | undefined;
}

const chinaMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();
const nextDay = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** The events of the object named: by its id, and a sheet also by its receipt's eight characters. */
function entityIdMatch(entityId: string): SQL {
  const exact = eq(auditEvents.entityId, entityId);
  if (!isReceiptCode(entityId)) return exact;
  return or(exact, and(eq(auditEvents.entity, "sheet_submission"), like(auditEvents.entityId, `${entityId.toLowerCase()}%`))) as SQL;
}

/**
 * One page of the audit log, newest first (by id: the chain's order, unique), filtered, with who acted by
 * name; paged by the same opaque cursor as `auditLog.list`. ID numbers in before/after are masked for roles that see them masked elsewhere (the
 * administrator), as in `auditLog.list`; `nextCursor` is null on the last page, so a list never ends silently at a limit.
 */
export async function searchAuditEvents(db: Executor, search: AuditSearch, role: Role) {
  const where: SQL[] = [];
  const visible = visibleTo(role);
  if (visible) where.push(visible);
  const after = afterCursor(NEWEST_FIRST, search.cursor);
  if (after) where.push(after);
  if (search.userId !== undefined) where.push(eq(auditEvents.userId, search.userId));
  if (search.action) where.push(eq(auditEvents.action, search.action));
  if (search.entity) where.push(eq(auditEvents.entity, search.entity));
  if (search.entityId) where.push(entityIdMatch(search.entityId));
  // `at` is ISO 8601 in UTC with milliseconds, so text order is time order.
  if (search.fromDate) where.push(gte(auditEvents.at, chinaMidnight(search.fromDate)));
  if (search.toDate) where.push(lt(auditEvents.at, chinaMidnight(nextDay(search.toDate))));
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      userId: auditEvents.userId,
      actor: users.displayName,
      username: users.username,
      role: auditEvents.role,
      action: auditEvents.action,
      entity: auditEvents.entity,
      entityId: auditEvents.entityId,
      before: jsonAsStored(auditEvents.before),
      after: jsonAsStored(auditEvents.after),
      requestId: auditEvents.requestId,
      hash: auditEvents.hash,
      ...keyColumns(NEWEST_FIRST),
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(...keysetOrder(NEWEST_FIRST))
    .limit(search.limit + 1);
  return toPage(NEWEST_FIRST, rows, search.limit, (row) => {
    const r = withoutKeys(row);
    return { ...r, before: maskDeep(role, r.before as unknown), after: maskDeep(role, r.after as unknown) };
  });
}

/** The actions, entities and actors that occur in the events the role may read, for the filter's choices. */
export async function auditFacets(db: Executor, role: Role) {
  const visible = visibleTo(role);
  const [actions, entities, actors] = await Promise.all([
    db.selectDistinct({ value: auditEvents.action }).from(auditEvents).where(visible).orderBy(asc(auditEvents.action)),
    db.selectDistinct({ value: auditEvents.entity }).from(auditEvents).where(visible).orderBy(asc(auditEvents.entity)),
    db
      .select({ id: users.id, username: users.username, displayName: users.displayName })
      .from(users)
      .where(
        visible
          ? sql`exists (select 1 from ${auditEvents} where ${auditEvents.userId} = ${users.id} and ${visible})`
          : sql`exists (select 1 from ${auditEvents} where ${auditEvents.userId} = ${users.id})`,
      )
      .orderBy(asc(users.username)),
  ]);
  return { actions: actions.map((a) => a.value), entities: entities.map((e) => e.value), actors };
}
