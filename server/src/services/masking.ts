import { maskAddress, maskIdNumber, maskPhone, ROLES_SEEING_ID_NUMBERS, type Role } from "@xueji/shared";

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

/**
 * Fields of a record (a sheet row's values, a change, an audit event's before/after) that hold
 * personal data, each with its mask (shared/src/auth/personal-data.ts: the ID number, 联系电话 and
 * 家庭住址 are masked for the same roles).
 */
const PERSONAL_MASKS: Readonly<Record<string, (value: string) => string>> = {
  idNumber: maskIdNumber,
  id_number: maskIdNumber,
  phone: maskPhone,
  address: maskAddress,
};

function maskFor(name: unknown): ((value: string) => string) | undefined {
  return typeof name === "string" && Object.hasOwn(PERSONAL_MASKS, name) ? PERSONAL_MASKS[name] : undefined;
}

/** Keys that hold the value of the field an object is about (a change, an issue and its params). */
const VALUE_KEYS = /^(id|value|before|after|oldValue|newValue|suggestion|recorded)$/;

/**
 * Masks personal data wherever it sits in a JSON value (sheet rows, sheet issues, audit events,
 * status changes): a key naming a personal field, or an object about one — a change
 * `{ field: "idNumber", oldValue, newValue }`, a sheet issue `{ field, suggestion, params: { label,
 * recorded } }` (the record's own value, quoted to the secretary, must not reach a leader in full).
 */
export function maskDeep<T>(role: Role | null, value: T): T {
  if (role !== null && ROLES_SEEING_ID_NUMBERS.has(role)) return value;
  return maskValue(value) as T;
}

/** `about` is the mask of the personal field the enclosing object is about, if any. */
function maskValue(value: unknown, about?: (value: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => maskValue(v, about));
  // Plain records only: a Date (or any other class) is not personal data and must stay what it is.
  if (value === null || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const record = value as Record<string, unknown>;
  const params = record.params !== null && typeof record.params === "object" ? (record.params as Record<string, unknown>) : {};
  const mask = about ?? maskFor(record.field) ?? maskFor(record.label) ?? maskFor(params.label);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    const own = maskFor(k);
    // A parsed ID number is an object ({ id, region, birthDate … }): its `id` is the number itself.
    const holds = own ?? (mask && VALUE_KEYS.test(k) ? mask : undefined);
    out[k] = typeof v === "string" && holds ? holds(v) : maskValue(v, mask ?? own);
  }
  return out;
}
