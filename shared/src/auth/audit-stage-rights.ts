import type { AuditStage } from "../rules/graduation-audit";
import { type Role, scopeOf } from "./roles";

/**
 * Who moves a college's graduation list on from each stage, by the office the seeds name:
 * 学院初审 by the college (seed 004 “二级学院资格初审”; the registrar may act for it); 教务处复审 by the
 * registrar's office, staff or its leader (seed 004 “教务处学籍中心进行复审”; seed 001 七 “报教务处复核”);
 * 公示 by the registrar's 学籍中心 (seed 004); 学位委员会 is the school's decision (seed 001 七 “报校学位委员会审批”):
 * the school leader, or the registrar recording it from the minutes with its date and meeting number;
 * 证书制作 and 上报 by the 学籍中心 (seed 004 “教务处学籍中心上报毕业信及授位信息”).
 * `graduation.advance` is the gate; the server refuses and the dashboard offers by this one rule.
 */
const STAGE_OFFICES: Readonly<Record<AuditStage, readonly Role[]>> = {
  "college-review": ["college-leader", "registrar-staff"],
  "registrar-review": ["registrar-staff", "registrar-leader"],
  "public-notice": ["registrar-staff"],
  "degree-committee": ["registrar-staff", "school-leader"],
  certificates: ["registrar-staff"],
  reported: ["registrar-staff"],
};

export function mayAdvanceAudit(role: Role, from: AuditStage): boolean {
  if (scopeOf("graduation.advance", role) === null) return false;
  return STAGE_OFFICES[from].includes(role);
}

/** Passing 学位委员会 records the committee's decision (a body without accounts): its meeting date and number. */
export function auditStageNeedsCommittee(from: AuditStage): boolean {
  return from === "degree-committee";
}
