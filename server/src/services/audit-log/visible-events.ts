import { auditEntitiesFor, type Role } from "@xueji/shared";
import { inArray, type SQL, sql } from "drizzle-orm";
import { auditEvents } from "../../db/schema";

/**
 * The events a role may read, as a condition (undefined: all). The registrar's staff read their own
 * domain's kinds only (auditEntitiesFor); the filter is in the query, so no page, count or facet shows more.
 */
export function visibleTo(role: Role): SQL | undefined {
  const kinds = auditEntitiesFor(role);
  if (kinds === null) return undefined;
  return kinds.length > 0 ? inArray(auditEvents.entity, [...kinds]) : sql`false`;
}
