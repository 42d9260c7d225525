import type { Role, Scope } from "@xueji/shared";

/**
 * Who is asking, built once per request in the procedure's context (trpc.ts): the actor the audit
 * log records and the reach of the permission the procedure checked. Services scope their queries
 * by `scope` and mask personal data by `role`.
 */
export interface Viewer {
  userId: number;
  role: Role;
  requestId: string;
  /** The user's own college (college roles), else null. */
  collegeId: number | null;
  scope: ViewerScope;
}

/** Every college, or one: a college role's own. */
export interface ViewerScope {
  kind: Scope;
  collegeId: number | null;
}

/** True when the scope reaches this college. */
export function reaches(scope: ViewerScope, collegeId: number | null | undefined): boolean {
  return scope.kind === "all" || (collegeId !== null && collegeId !== undefined && scope.collegeId === collegeId);
}
