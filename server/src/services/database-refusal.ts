import { AppError } from "@xueji/shared";

/**
 * A value the database refused after every field check passed — a data exception (SQLSTATE class 22: a number
 * out of range, a date it cannot hold) or a reference to nothing (23503) — is the request's fault: a localised
 * `input.invalid`, not "internal". The detail for the log keeps the SQLSTATE and constraint, never the query's
 * values (a failed query's parameters can hold a password hash or an ID number).
 */
export function databaseRefusal(error: unknown): AppError | null {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const { code, constraint } = cause as Error & { code?: unknown; constraint?: unknown };
    if (typeof code !== "string" || !/^(22...|23503)$/.test(code)) continue;
    const detail = `database refused a value (SQLSTATE ${code}${typeof constraint === "string" ? `, ${constraint}` : ""})`;
    return new AppError("input.invalid", { problem: code === "23503" ? "unknown-reference" : "out-of-range" }, detail);
  }
  return null;
}
