import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestScope } from "../context";
import type { Metrics } from "./metrics";

/** The procedures of a tRPC address (`/api/trpc/a.b,c.d?batch=1` → a.b, c.d), or none. */
export function proceduresOf(url: URL): string[] {
  if (!url.pathname.startsWith("/api/trpc/")) return [];
  let path: string;
  try {
    path = decodeURIComponent(url.pathname.slice("/api/trpc/".length));
  } catch {
    return []; // not valid percent-encoding: no procedure is named
  }
  return path
    .split(",")
    .filter((p) => /^[\w.-]{1,100}$/.test(p))
    .slice(0, 20);
}

/**
 * One JSON line when the response is finished: request id, user id, procedure(s), duration, status
 * and outcome (ok or the error codes). Never inputs, headers or outputs — they carry passwords,
 * tokens and ID numbers. API requests log at info, files of the front-ends at debug.
 */
export function logRequest(req: IncomingMessage, res: ServerResponse, scope: RequestScope, metrics: Metrics): void {
  const started = process.hrtime.bigint();
  const url = new URL(req.url ?? "/", "http://localhost");
  res.on("close", () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const procedures = proceduresOf(url);
    const failed = new Map(scope.failures.map((f) => [f.procedure, f.code]));
    for (const procedure of procedures) metrics.observeCall(procedure, failed.get(procedure) ?? "ok", seconds);
    const line = {
      method: req.method,
      path: url.pathname.length > 200 ? `${url.pathname.slice(0, 200)}…` : url.pathname,
      ...(procedures.length ? { procedure: procedures.join(",") } : {}),
      userId: scope.userId,
      status: res.statusCode,
      durationMs: Math.round(seconds * 10_000) / 10,
      outcome: scope.failures.length ? scope.failures.map((f) => f.code).join(",") : res.statusCode < 400 ? "ok" : `http-${res.statusCode}`,
      // What the reader was not shown (e.g. the zip library's message for a broken .xlsx): for the operator only.
      ...(scope.failures.some((f) => f.detail) ? { detail: scope.failures.flatMap((f) => (f.detail ? [f.detail] : [])).join("; ") } : {}),
    };
    if (url.pathname.startsWith("/api/")) scope.log.info(line, "request");
    else scope.log.debug(line, "request");
  });
}
