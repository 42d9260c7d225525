import { initTRPC, TRPCError } from "@trpc/server";
import { AppError, type ErrorCode, formatError, type Locale, type Permission, type Scope, scopeOf } from "@xueji/shared";
import { ZodError } from "zod";
import { type Context, requestScope } from "./context";
import { databaseRefusal } from "./services/database-refusal";
import { findHostileText } from "./services/hostile-text";
import { appErrorOf, inputProblemOf } from "./services/input-problem";
import type { Viewer } from "./services/viewer";

/**
 * The one place tRPC is set up. Routers get `router` and four kinds of procedure: `procedureFor(permission)`
 * for what needs a permission, `authedProcedure` for what any signed-in user may do with their own session,
 * `sessionProcedure` for what a temporary password still allows, and `publicProcedure` for signing in.
 */
const HTTP_CODES: Partial<Record<ErrorCode, TRPCError["code"]>> = {
  "auth.invalid-credentials": "UNAUTHORIZED",
  "auth.required": "UNAUTHORIZED",
  "auth.session-expired": "UNAUTHORIZED",
  "auth.password-reset": "UNAUTHORIZED",
  "auth.account-disabled": "UNAUTHORIZED",
  "auth.session-ended": "UNAUTHORIZED",
  "auth.signed-out-centrally": "UNAUTHORIZED",
  "auth.sign-on-stale": "UNAUTHORIZED",
  "auth.password-off": "FORBIDDEN",
  "auth.temporary-expired": "UNAUTHORIZED",
  "auth.password-change-required": "FORBIDDEN",
  "auth.wrong-current-password": "BAD_REQUEST",
  "auth.password-policy": "BAD_REQUEST",
  "auth.rate-limited": "TOO_MANY_REQUESTS",
  "request.busy": "TOO_MANY_REQUESTS",
  "auth.forbidden": "FORBIDDEN",
  "auth.other-college": "FORBIDDEN",
  "sheet.not-found": "NOT_FOUND",
  "term.unknown": "BAD_REQUEST",
  "college.unknown": "BAD_REQUEST",
  "sheet.already-reviewed": "CONFLICT",
  "sheet.superseded": "CONFLICT",
  "sheet.client-id-reused": "CONFLICT",
  "application.conflict": "CONFLICT",
  "application.not-found": "NOT_FOUND",
  "application.scan-not-found": "NOT_FOUND",
  "application.not-filer": "FORBIDDEN",
  "application.not-your-stage": "FORBIDDEN",
  "application.transition-refused": "CONFLICT",
  "application.identity-closed": "CONFLICT",
  "application.correction-graduates-only": "CONFLICT",
  "application.repeat-pending": "CONFLICT",
  "application.dismissal-pending": "CONFLICT",
  "student.unknown": "NOT_FOUND",
  "pending.not-found": "NOT_FOUND",
  "graduation.not-found": "NOT_FOUND",
  "graduation.last-stage": "CONFLICT",
  "pending.already-lifted": "CONFLICT",
  "view.not-found": "NOT_FOUND",
  "view.too-many": "CONFLICT",
  "view.too-many-shared": "CONFLICT",
  "auth.cross-site": "FORBIDDEN",
  "user.not-found": "NOT_FOUND",
  "user.exists": "CONFLICT",
  // certificates, standing items taken up, signatures on paper, graduation execution
  "document.not-found": "NOT_FOUND",
  "document.public-url-missing": "PRECONDITION_FAILED",
  "pending.wrong-kind": "CONFLICT",
  "application.sign-off-required": "CONFLICT",
  "graduation.not-approved": "CONFLICT",
  "graduation.certificate-school-missing": "CONFLICT",
  "graduation.not-completed": "CONFLICT",
  "graduation.still-not-eligible": "CONFLICT",
  "graduation.no-degree-for-level": "CONFLICT",
  "graduation.committee-required": "BAD_REQUEST",
  "graduation.supplement-not-eligible": "CONFLICT",
  // the organisation and the calendar
  "org.duplicate-code": "CONFLICT",
  "org.duplicate-name": "CONFLICT",
  "org.in-use": "CONFLICT",
  "org.not-found": "NOT_FOUND",

  "import.not-found": "NOT_FOUND",
  "import.expired": "NOT_FOUND",
  "import.already-committed": "CONFLICT",
  "import.has-errors": "CONFLICT",
};

/** Turns a domain error into a tRPC error carrying it, so the formatter can localise it. */
export function toTrpcError(error: AppError): TRPCError {
  return new TRPCError({ code: HTTP_CODES[error.code] ?? "BAD_REQUEST", message: error.code, cause: error });
}

/** Batches larger than this are refused (one 7 KB GET once ran 100 list calls). */
export const MAX_BATCH_SIZE = 10;

/** The catalogue code and the message a reader sees for any error a procedure ends with. */
export function describeError(error: TRPCError, locale: Locale): { appCode: ErrorCode; userMessage: string } {
  if (error.cause instanceof AppError) return { appCode: error.cause.code, userMessage: error.cause.userMessage(locale) };
  // Input refused by zod. (A ZodError from `.output()` is the server's fault: it falls through to "internal".)
  if (error.cause instanceof ZodError && error.code === "BAD_REQUEST") {
    const own = appErrorOf(error.cause);
    if (own) return { appCode: own.code, userMessage: own.userMessage(locale) };
    return { appCode: "input.invalid", userMessage: formatError("input.invalid", inputProblemOf(error.cause), locale) };
  }
  if (error.code === "BAD_REQUEST" && /batch call exceeds/i.test(error.message))
    return { appCode: "request.batch-too-large", userMessage: formatError("request.batch-too-large", { max: MAX_BATCH_SIZE }, locale) };
  if (error.code === "PARSE_ERROR" || error.code === "BAD_REQUEST" || error.code === "PAYLOAD_TOO_LARGE") {
    const problem = error.code === "PARSE_ERROR" ? "not-json" : error.code === "PAYLOAD_TOO_LARGE" ? "too-large" : "request";
    return { appCode: "input.invalid", userMessage: formatError("input.invalid", { problem }, locale) };
  }
  // A procedure this server does not have (an old pane against a newer server, a typo): not "unexpected".
  if (error.code === "NOT_FOUND")
    return { appCode: "request.unknown-procedure", userMessage: formatError("request.unknown-procedure", {}, locale) };
  return { appCode: "internal", userMessage: formatError("internal", {}, locale) };
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error, ctx }) {
    const scope = requestScope.getStore();
    const locale = ctx?.locale ?? scope?.locale ?? "zh-CN";
    const requestId = ctx?.requestId ?? scope?.requestId ?? null;
    const { appCode, userMessage } = describeError(error, locale);
    // Never a stack or SQL text to the client; always the request id, which the log lines carry too.
    const suffix = requestId ? formatError("request.id", { requestId }, locale) : "";
    return {
      message: `${userMessage}${suffix}`,
      code: shape.code,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, appCode, userMessage, requestId },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * The boundary, once for every procedure: a NUL or a lone surrogate anywhere in the input is refused before any
 * parser runs (a field declared as a plain string included); AppErrors thrown by services, and values the
 * database refused, become tRPC errors with their codes.
 */
const errors = t.middleware(async ({ getRawInput, next }) => {
  const hostile = findHostileText(await getRawInput());
  if (hostile) throw toTrpcError(new AppError("input.invalid", { problem: hostile.problem, path: hostile.path }));
  const result = await next();
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR") {
    if (result.error.cause instanceof AppError) throw toTrpcError(result.error.cause);
    const refused = databaseRefusal(result.error.cause);
    if (refused) throw toTrpcError(refused);
  }
  return result;
});

export const publicProcedure = t.procedure.use(errors);

/** Signed in, whatever the password's state: the few procedures a user with a temporary password may call. */
const signedIn = publicProcedure.use(({ ctx, next }) => {
  // A token that once worked says why it no longer does (reset, disabled, ended, expired).
  if (!ctx.user) throw toTrpcError(new AppError(ctx.sessionEnded ?? "auth.required"));
  return next({ ctx: { ...ctx, user: ctx.user } });
});

const authed = signedIn.use(({ ctx, next }) => {
  // A temporary password opens nothing but the change of it.
  if (ctx.user.mustChangePassword) throw toTrpcError(new AppError("auth.password-change-required"));
  return next();
});

/** What a procedure may touch: every college, or the signed-in user's own. */
export interface Scoped {
  kind: Scope;
  collegeId: number | null;
}

/**
 * A procedure that requires `permission`; `ctx.scope` says how far it reaches and `ctx.viewer` is
 * the actor services record and scope by (built here once, not in routers).
 */
export function procedureFor(permission: Permission) {
  return authed.use(({ ctx, next }) => {
    const kind = scopeOf(permission, ctx.user.role);
    if (!kind) throw toTrpcError(new AppError("auth.forbidden", { role: ctx.user.role }));
    const scope: Scoped = { kind, collegeId: kind === "own-college" ? ctx.user.collegeId : null };
    const viewer: Viewer = { userId: ctx.user.id, role: ctx.user.role, requestId: ctx.requestId, collegeId: ctx.user.collegeId, scope };
    return next({ ctx: { ...ctx, scope, viewer } });
  });
}

/** Procedures open to any signed-in user (their own session). */
export const authedProcedure = authed;

/** Open even before a temporary password is changed: who am I, change my password, sign out. */
export const sessionProcedure = signedIn;

/** The college a request acts for: a college role's own (another is refused), or the one named. */
export function collegeFor(scope: Scoped, requested: number | undefined): number {
  if (scope.kind === "own-college") {
    if (requested !== undefined && requested !== scope.collegeId) throw toTrpcError(new AppError("auth.other-college"));
    return scope.collegeId as number;
  }
  if (requested === undefined) throw toTrpcError(new AppError("college.unknown"));
  return requested;
}

/** The college filter of a list: a college role's own (asking for another is refused), else what was asked. */
export function collegeFilter(scope: Scoped, requested: number | undefined): number | undefined {
  if (scope.kind === "own-college") return collegeFor(scope, requested);
  return requested;
}

/** Throws unless the scope reaches this college. */
export function assertCollege(scope: Scoped, collegeId: number): void {
  if (scope.kind === "own-college" && scope.collegeId !== collegeId) throw toTrpcError(new AppError("auth.other-college"));
}
