import { int, str } from "../../url/search-values";

export interface AuditLogSearch {
  userId?: number;
  action?: string;
  entity?: string;
  entityId?: string;
  from?: string;
  to?: string;
  /** "all": the full list (auditLog.list) instead of the search. */
  view?: "all";
}

const date = (value: unknown) => {
  const s = str(value);
  return s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined;
};

export function readAuditLogSearch(search: Record<string, unknown>): AuditLogSearch {
  return {
    userId: int(search.userId),
    action: str(search.action),
    entity: str(search.entity),
    entityId: str(search.entityId),
    from: date(search.from),
    to: date(search.to),
    view: search.view === "all" ? "all" : undefined,
  };
}
