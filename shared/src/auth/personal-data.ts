import { maskIdNumber, ROLES_SEEING_ID_NUMBERS, type Role } from "./roles";

/**
 * Personal data beyond the ID number: 联系电话 and 家庭住址 are masked for the same
 * roles that see ID numbers masked, by the same rule — so a field can be added here, not in every service.
 */
export const PERSONAL_FIELDS = ["idNumber", "phone", "address"] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/** 13812345678 → 138****5678; 0731-1234567 → 0731-***4567. */
export function maskPhone(phone: string): string {
  if (phone.length <= 4) return "*".repeat(phone.length);
  const keepStart = phone.startsWith("1") ? 3 : Math.max(0, phone.indexOf("-") + 1);
  const keepEnd = 4;
  const hidden = Math.max(0, phone.length - keepStart - keepEnd);
  return `${phone.slice(0, keepStart)}${"*".repeat(hidden)}${phone.slice(-keepEnd)}`;
}

/** 湖南省长沙市岳麓区麓山南路 932 号 → 湖南省长沙市****: the first six characters (province, city) stay. */
export function maskAddress(address: string): string {
  return address.length <= 6 ? "*".repeat(address.length) : `${address.slice(0, 6)}****`;
}

const MASKS: Readonly<Record<PersonalField, (value: string) => string>> = {
  idNumber: maskIdNumber,
  phone: maskPhone,
  address: maskAddress,
};

export function seesPersonalData(role: Role): boolean {
  return ROLES_SEEING_ID_NUMBERS.has(role);
}

/**
 * A record (a sheet row's values, a student) with its personal fields masked for a role that may
 * not see them; other fields untouched. Parsed ID numbers (`{ id, … }`) are masked in place.
 */
export function maskPersonalData<T extends Record<string, unknown>>(record: T, role: Role): T {
  if (seesPersonalData(role)) return record;
  const out: Record<string, unknown> = { ...record };
  for (const field of PERSONAL_FIELDS) {
    const value = out[field];
    if (typeof value === "string") out[field] = MASKS[field](value);
    else if (value && typeof value === "object" && "id" in value && typeof value.id === "string")
      out[field] = { ...(value as object), id: MASKS[field](value.id) };
  }
  return out as T;
}
