import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger };

// 18-digit resident ID numbers (GB 11643, last character may be X) and the 15-digit first generation.
const ID_NUMBER = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
const BEARER = /Bearer\s+[\w.~+/=-]+/g;
const SESSION_COOKIE = /xueji_session=[^;\s"]+/g;

/** Removes what must never reach a log: ID numbers and credentials, wherever they hide in a line. */
export function scrub(line: string): string {
  return line.replace(ID_NUMBER, "[身份证号]").replace(BEARER, "Bearer [redacted]").replace(SESSION_COOKIE, "xueji_session=[redacted]");
}

// Fields that carry secrets by name, at the top level or one level down (pino's redact syntax).
const SECRET_KEYS = ["password", "passwordHash", "token", "authorization", "cookie", "set-cookie", "idNumber", "newPassword"];
const REDACT = SECRET_KEYS.flatMap((key) => [`["${key}"]`, `*["${key}"]`, `*.*["${key}"]`]);

/**
 * An error as the log keeps it: pino's standard form, except that a failed query (drizzle's error, which
 * carries `query` and `params`) keeps its SQL — which names what was asked — and never its values: the
 * parameters of a failed insert can hold a new user's password hash or an ID number. Causes likewise.
 */
function errorWithoutValues(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  const query = (error as Error & { query?: unknown }).query;
  if (typeof query === "string" && "params" in error) {
    const message = `Failed query: ${query}`;
    serialized.stack = typeof serialized.stack === "string" ? serialized.stack.replace(error.message, message) : serialized.stack;
    serialized.message = message;
    delete serialized.params;
  }
  if (error.cause !== undefined) serialized.cause = errorWithoutValues(error.cause);
  return serialized;
}

/**
 * The server's structured log: one JSON object per line (pino), for the school's log collector.
 * Secrets are removed twice: by field name (`redact`) and by pattern over the written line (`scrub`),
 * so an ID number inside an error message or a stack does not get through either.
 */
export function createLogger(destination?: DestinationStream, level = process.env.XUEJI_LOG_LEVEL ?? "info"): Logger {
  return pino(
    {
      level,
      base: { service: "xueji" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT, censor: "[redacted]" },
      serializers: { err: errorWithoutValues },
      hooks: { streamWrite: scrub },
    },
    destination,
  );
}

/** Tests and library callers that pass no logger log nothing. */
export const silentLogger: Logger = pino({ level: "silent" });
