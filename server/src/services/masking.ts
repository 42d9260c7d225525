import { maskIdNumber, ROLES_SEEING_ID_NUMBERS, type Role } from "@xueji/shared";

/**
 * Personal data by role (shared/src/auth/roles.ts): ID numbers in full only for the roles whose
 * work needs them (the secretary who keys them, the registrar who reports them to 学信网), masked
 * for everyone else: leaders and the administrator see 430103********1234. Every service that
 * returns a student's ID number passes it through here.
 */
export function idNumberFor(role: Role | null, idNumber: string): string;
export function idNumberFor(role: Role | null, idNumber: string | null): string | null;
export function idNumberFor(role: Role | null, idNumber: string | null): string | null {
  if (idNumber === null) return null;
  return role !== null && ROLES_SEEING_ID_NUMBERS.has(role) ? idNumber : maskIdNumber(idNumber);
}

/** A row with an `idNumber`, masked for the role. */
export function maskStudent<T extends { idNumber: string }>(role: Role | null, row: T): T {
  return { ...row, idNumber: idNumberFor(role, row.idNumber) };
}

/** Fields of a record (a sheet row's values, a change, an audit event's before/after) that hold ID numbers. */
const ID_FIELDS = new Set(["idNumber", "id_number"]);

/**
 * Masks ID numbers wherever they sit in a JSON value (sheet rows, audit events, status changes):
 * a key naming an ID field, or a `{ field: "idNumber", oldValue, newValue }` change.
 */
export function maskDeep<T>(role: Role | null, value: T): T {
  if (role !== null && ROLES_SEEING_ID_NUMBERS.has(role)) return value;
  return maskValue(value) as T;
}

/**
 * `inId` is true inside an object about an ID number (`field` or `label` naming one: a status
 * change, a sheet issue and its params), where values and suggestions are ID numbers too.
 */
function maskValue(value: unknown, inId = false): unknown {
  if (Array.isArray(value)) return value.map((v) => maskValue(v, inId));
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  const aboutId = inId || [record.field, record.label].some((f) => typeof f === "string" && ID_FIELDS.has(f));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    const holdsId = ID_FIELDS.has(k) || (aboutId && /^(value|before|after|oldValue|newValue|suggestion)$/.test(k));
    out[k] = typeof v === "string" && holdsId ? maskIdNumber(v) : maskValue(v, aboutId);
  }
  return out;
}
