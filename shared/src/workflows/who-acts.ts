import { COLLEGE_ROLES, type Role } from "../auth/roles";
import type { DecisionStage } from "./application-types";
import { FIXED_STAGES } from "./stages";

/** Who is asking: a role, and the college a college role belongs to. */
export interface StageActor {
  role: Role;
  collegeId: number | null;
}

/** The part of a workflow these rules read: its deciding stages (the application's own version of them). */
export interface StagesOf {
  stages: readonly { key: string; role: Role; college?: DecisionStage["college"] | null; signOff?: boolean }[];
}

/** The parts of an application these rules read. */
export interface ApplicationPlace {
  stage: string;
  state: string;
  collegeId: number;
  targetCollegeId: number | null;
}

/**
 * The role that files for a college — drafts its applications, 报送s them, records the paper signatures of
 * the offices without accounts (docs/domain.md §5). The registrar may do the same on the college's behalf.
 */
export const COLLEGE_FILER: Role = "secretary";

/** Whether `actor` acts for the application's own college: its filer, or the registrar on its behalf. */
export function actsForCollege(app: Pick<ApplicationPlace, "collegeId">, actor: StageActor): boolean {
  return actor.role === "registrar-staff" || (actor.role === COLLEGE_FILER && actor.collegeId === app.collegeId);
}

/** College roles reach their own college's applications and those moving into it (转专业 target). */
export function mayReach(app: Pick<ApplicationPlace, "collegeId" | "targetCollegeId">, actor: StageActor): boolean {
  if (!COLLEGE_ROLES.has(actor.role)) return true;
  return actor.collegeId !== null && (app.collegeId === actor.collegeId || app.targetCollegeId === actor.collegeId);
}

/**
 * Who may act at the application's stage (docs/domain.md §5): the filing college's secretary (or the
 * registrar on its behalf) at the draft; a deciding stage's role, in the student's or the receiving
 * college for college roles; the registrar at the stages after the decisions (公示, 办理, 上报).
 */
export function mayAct(workflow: StagesOf, app: Omit<ApplicationPlace, "state">, actor: StageActor): boolean {
  if (app.stage === FIXED_STAGES.draft) return actsForCollege(app, actor);
  const stage = workflow.stages.find((s) => s.key === app.stage);
  // 公示, 办理, 上报 are the registrar's; a stage the workflow does not have is no one's.
  if (!stage) return roleOfStage(workflow, app.stage) === actor.role;
  if (stage.role !== actor.role) return false;
  if (stage.college === "student") return actor.collegeId === app.collegeId;
  if (stage.college === "target") return actor.collegeId === app.targetCollegeId;
  return true;
}

/** The stages after the decisions, where the registrar acts (公示, 办理, 上报; docs/domain.md §5). */
const REGISTRAR_STAGES: ReadonlySet<string> = new Set([FIXED_STAGES.notice, FIXED_STAGES.execution, FIXED_STAGES.reported]);

/**
 * The role that acts at a stage: the secretary at the draft, a deciding stage's role, the registrar at
 * the stages after the decisions; null where no one acts (生效, 已驳回) or at a stage the workflow does
 * not have, which must not pass for the registrar's.
 */
export function roleOfStage(workflow: StagesOf, stage: string): Role | null {
  if (stage === FIXED_STAGES.draft) return COLLEGE_FILER;
  const deciding = workflow.stages.find((s) => s.key === stage);
  if (deciding) return deciding.role;
  return REGISTRAR_STAGES.has(stage) ? "registrar-staff" : null;
}

/**
 * What this viewer may do to an open application right now, asked once by every screen:
 * 报送 (a draft), decide (通过/退回/驳回 at a deciding stage), record a paper signature (a sign-off stage,
 * seed 002's offices without accounts), or nothing.
 */
export type NextStep = "submit" | "decide" | "sign-off" | null;

export function nextStepFor(workflow: StagesOf, app: ApplicationPlace, actor: StageActor): NextStep {
  if (app.state !== "open" || !mayReach(app, actor)) return null;
  if (app.stage === FIXED_STAGES.effective) return null;
  const stage = workflow.stages.find((s) => s.key === app.stage);
  if (stage?.signOff) {
    // The student's college secretary records it (or the registrar on the college's behalf).
    return actsForCollege(app, actor) ? "sign-off" : null;
  }
  if (!mayAct(workflow, app, actor)) return null;
  return app.stage === FIXED_STAGES.draft ? "submit" : "decide";
}
