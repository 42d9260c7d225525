import { type FieldIssue, fieldIssue } from "../issues";
import { REGULATIONS } from "../rules/regulations";

/**
 * The ages a student can have, as a setting: the `check-rules` setting (核对规则) the registrar
 * publishes; the server's checks and a signed-in `xueji validate` read it, an offline check uses
 * these defaults and says so. The seeds give no figures; 12 leaves room for a 少年班 entrant, 80 for 继续教育. The ID number and 出生日期 columns are held to them.
 */
export interface AgeLimits {
  min: number;
  max: number;
}

export const DEFAULT_AGE_LIMITS: AgeLimits = { min: 12, max: 80 };

/**
 * What the limits guard: the birth date is part of the record reported upward (seed 003 第十五条
 * “学历注册信息包括：姓名、性别、出生日期、照片”), so a date no student can have is an error of the sheet.
 */
export const AGE_LIMIT_SOURCE = `${REGULATIONS.electronicRegistration}第十五条：学历注册信息包括：姓名、性别、出生日期、照片`;

/** Whole years between a birth date and today, both `YYYY-MM-DD`. */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/** A birth date after today, or an age outside the limits; `source` says where the date was read. */
export function birthDateIssue(birthDate: string, today: string, limits: AgeLimits, source: "id" | "column"): FieldIssue | null {
  if (birthDate > today) return fieldIssue(source === "id" ? "id.birth-future" : "date.birth-future", { date: birthDate, today });
  const age = ageOn(birthDate, today);
  if (age < limits.min || age > limits.max)
    return fieldIssue("age.out-of-range", { date: birthDate, age, min: limits.min, max: limits.max });
  return null;
}
