import type { StudentStatus } from "../codes/student-status";
import { type ApplicationType, DEFAULT_WORKFLOWS, type Workflow } from "../workflows/application-types";
import { applyEvent, isTerminal, type StatusEvent } from "./transitions";

/**
 * The workflow kinds that change a student's identity data (姓名、身份证号 …): 学籍信息修改 while the
 * 学籍 is live (seed 000 五), and 学历（学位）勘误 once the student has graduated (seed 000 八:
 * “已毕业学生毕业后身份信息更改的，其身份信息无法在学信网同步更改；如系在校期间（即毕业前）更改 … 可以进行学历勘误”).
 */
export type IdentityWorkflowKind = "学籍信息修改" | "学历勘误";

/** Statuses whose holder has left with a 学历证书 (毕业, 结业): only a 学历勘误 may touch their identity data. */
const GRADUATE_STATUSES: readonly StudentStatus[] = ["graduated", "completed"];

/**
 * Whether a workflow of `workflowKind` may change the identity data of a student in `status`.
 * 学籍信息修改: only while the record is live — never after 毕业/结业, 退学, 开除, 死亡 or any other end
 * (a terminal status), whose papers must keep the name they were issued under. 学历勘误: only for a graduate.
 */
export function identityChangeAllowed(status: StudentStatus, workflowKind: IdentityWorkflowKind | string): boolean {
  if (workflowKind === "学历勘误") return GRADUATE_STATUSES.includes(status);
  return !GRADUATE_STATUSES.includes(status) && !isTerminal(status);
}

/** The refusal, with what the reader can do, when identityChangeAllowed says no. */
export type IdentityRefusal = {
  code: "application.identity-closed" | "application.correction-graduates-only";
  params: { status: StudentStatus };
};

export function identityChangeRefusal(status: StudentStatus, workflowKind: IdentityWorkflowKind | string): IdentityRefusal | null {
  if (identityChangeAllowed(status, workflowKind)) return null;
  return {
    code: workflowKind === "学历勘误" ? "application.correction-graduates-only" : "application.identity-closed",
    params: { status },
  };
}

/** The status event an application of this type executes for a student in `status` (退学处理 of a 休学 student is 休学期满未复学). */
export function eventOf(type: ApplicationType, workflow: Pick<Workflow, "event">, status: StudentStatus): StatusEvent | null {
  if (!workflow.event) return null;
  return type === "dismissal" && status === "suspended" ? "suspension-expired" : workflow.event;
}

/**
 * What 办理 would refuse, asked before it (at filing and at each decision, docs/domain.md §5): the status
 * change the application executes must be open to the student's status now, and an identity change
 * must be one the student's status still allows. Null when nothing stands in the way.
 */
export type StatusGuardRefusal =
  | IdentityRefusal
  | { code: "application.transition-refused"; params: { status: StudentStatus; type: ApplicationType } };

export function statusGuard(
  type: ApplicationType,
  status: StudentStatus,
  workflow: Pick<Workflow, "event"> = DEFAULT_WORKFLOWS[type],
): StatusGuardRefusal | null {
  if (type === "identity-change") return identityChangeRefusal(status, "学籍信息修改");
  if (type === "record-correction") return identityChangeRefusal(status, "学历勘误");
  const event = eventOf(type, workflow, status);
  if (event && !applyEvent(status, event).ok) return { code: "application.transition-refused", params: { status, type } };
  return null;
}
