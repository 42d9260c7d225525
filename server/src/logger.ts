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
      hooks: { streamWrite: scrub },
    },
    destination,
  );
}

/** Tests and library callers that pass no logger log nothing. */
export const silentLogger: Logger = pino({ level: "silent" });
