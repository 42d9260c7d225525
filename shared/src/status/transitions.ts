import type { StudentStatus } from "../codes/student-status";

/**
 * The status changes of docs/domain.md §2 as data: an event, the statuses it may apply to, and the
 * status it leads to ("same" for changes of major, class or grade that keep the student 在读).
 */
export type StatusEvent =
  | "report" // 新生报到 (the new-student roster accepted)
  | "register" // 新生学籍电子注册
  | "keep-admission" // 保留入学资格
  | "give-up-admission" // 放弃入学资格 (only before electronic registration)
  | "cancel-admission" // 复查不合格 → 取消入学资格
  | "resume-admission" // 恢复入学
  | "suspend" // 休学
  | "resume" // 复学
  | "suspension-expired" // 休学期满未复学 → 退学处理
  | "change-major" // 转专业
  | "demote" // 降级
  | "repeat-year" // 留级
  | "skip-grade" // 跳级
  | "transfer-school" // 转学
  | "withdraw" // 退学 (voluntary or 学籍处理)
  | "expel" // 开除学籍
  | "cancel-status" // 取消学籍
  | "decease" // 死亡 注销学籍
  | "graduate" // 毕业
  | "complete" // 结业
  | "completion-to-graduation"; // 结业换毕业

export interface Transition {
  event: StatusEvent;
  name: string;
  from: readonly StudentStatus[];
  to: StudentStatus | "same";
}

export const TRANSITIONS: readonly Transition[] = [
  // seed 004 新生报到: the college checks the admission and marks 报到; 新生电子注册 (before October) makes 在读.
  { event: "report", name: "新生报到", from: ["admitted"], to: "reported" },
  { event: "register", name: "新生学籍电子注册", from: ["admitted", "reported"], to: "enrolled" },
  { event: "keep-admission", name: "保留入学资格", from: ["admitted", "reported"], to: "admission-kept" },
  // seed 004: “新生未学籍电子注册前想放弃学业的学生按放弃入学资格处理” — until 电子注册, so from 报到 too.
  { event: "give-up-admission", name: "放弃入学资格", from: ["admitted", "reported"], to: "admission-given-up" },
  // seed 003 第四条: 复查不合格者取消入学资格 — the 复查 follows 报到.
  { event: "cancel-admission", name: "取消入学资格", from: ["admitted", "reported"], to: "admission-cancelled" },
  { event: "resume-admission", name: "恢复入学资格", from: ["admission-kept"], to: "admitted" },
  { event: "suspend", name: "休学", from: ["enrolled"], to: "suspended" },
  { event: "resume", name: "复学", from: ["suspended"], to: "enrolled" },
  { event: "suspension-expired", name: "休学期满未复学退学", from: ["suspended"], to: "withdrawn" },
  { event: "change-major", name: "转专业", from: ["enrolled"], to: "same" },
  { event: "demote", name: "降级", from: ["enrolled"], to: "same" },
  { event: "repeat-year", name: "留级", from: ["enrolled"], to: "same" },
  { event: "skip-grade", name: "跳级", from: ["enrolled"], to: "same" },
  { event: "transfer-school", name: "转学", from: ["enrolled"], to: "same" },
  { event: "withdraw", name: "退学", from: ["enrolled"], to: "withdrawn" },
  { event: "expel", name: "开除学籍", from: ["enrolled", "suspended"], to: "expelled" },
  { event: "cancel-status", name: "取消学籍", from: ["enrolled", "suspended"], to: "status-cancelled" },
  { event: "decease", name: "注销学籍（死亡）", from: ["enrolled", "suspended", "admitted", "reported", "admission-kept"], to: "deceased" },
  { event: "graduate", name: "毕业", from: ["enrolled"], to: "graduated" },
  { event: "complete", name: "结业", from: ["enrolled"], to: "completed" },
  { event: "completion-to-graduation", name: "结业换毕业", from: ["completed"], to: "graduated" },
];

export type TransitionResult =
  | { ok: true; to: StudentStatus; transition: Transition }
  | { ok: false; code: "status.transition-not-allowed"; event: StatusEvent; from: StudentStatus; allowedFrom: readonly StudentStatus[] };

/** Whether `event` may apply to a student in `status`, and the status it leads to. */
export function applyEvent(status: StudentStatus, event: StatusEvent, transitions: readonly Transition[] = TRANSITIONS): TransitionResult {
  const transition = transitions.find((t) => t.event === event);
  if (!transition?.from.includes(status)) {
    return { ok: false, code: "status.transition-not-allowed", event, from: status, allowedFrom: transition?.from ?? [] };
  }
  return { ok: true, to: transition.to === "same" ? status : transition.to, transition };
}

/** Terminal statuses: no event leads out of them. */
export function isTerminal(status: StudentStatus, transitions: readonly Transition[] = TRANSITIONS): boolean {
  return !transitions.some((t) => t.from.includes(status));
}
