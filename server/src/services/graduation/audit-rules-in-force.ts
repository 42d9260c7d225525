import { type AuditRules, academicYearOf } from "@xueji/shared";
import type { Executor } from "../../db/client";
import { certificateSchool } from "../organisation/school";
import { settingInForce } from "../settings/settings-store";

/**
 * The graduation-audit rules in force for a cohort: the version valid for the academic year its graduation
 * date falls in, with the school's name, code and president from the school record when there is one.
 */
export async function auditRulesInForce(db: Executor, graduationDate: string): Promise<AuditRules> {
  // Not "the current year": the year of a cohort's graduation date, which may lie beyond the terms
  // entered so far (a 2030 cohort is audited against the rules its year will have), so the calendar
  // rule reckons it from the date itself.
  const setting = await settingInForce<Omit<AuditRules, "version">>(db, "graduation-audit", "default", academicYearOf(graduationDate));
  return { ...setting.value, certificate: await certificateSchool(db, setting.value.certificate), version: setting.version };
}
