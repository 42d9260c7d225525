import type { AuditStage } from "../rules/graduation-audit";
import { type Role, scopeOf } from "./roles";

/**
 * Who may move a college's graduation list on from a stage (docs/domain.md §6: the college reviews
 * first, 初审, the registrar again, 复审, and runs the later stages). `graduation.advance` is the gate;
 * a college leader's stage is 学院初审 alone. (Past the last stage there is none: the service says so.) The server refuses and the dashboard offers by this one rule.
 */
export function mayAdvanceAudit(role: Role, from: AuditStage): boolean {
  if (scopeOf("graduation.advance", role) === null) return false;
  return role !== "college-leader" || from === "college-review";
}
