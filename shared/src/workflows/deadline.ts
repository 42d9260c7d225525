/**
 * What 逾期 (overdue) means, once, for every screen and the server's counts (docs/domain.md §5):
 * an open application runs against one deadline at a time —
 * - until 办理 (execution), its processing deadline (办理期限: working days from leaving the college,
 *   seed 004's 时间安排表);
 * - once executed, if the change ends the 学籍, 学籍注销 within 15 working days (seed 003 第十二条);
 *   any other executed change has met its deadline (上报 and 生效 run on no clock).
 * It is overdue when that deadline is before today. The server's SQL (services/applications/overdue.ts)
 * states the same rule and is tested against this function.
 */
export type DeadlineKind = "decision" | "deregistration";

export interface ApplicationDates {
  state: string;
  dueOn: string | null;
  executedOn: string | null;
  deregistrationDueOn: string | null;
}

export interface CurrentDeadline {
  kind: DeadlineKind;
  /** YYYY-MM-DD. */
  date: string;
}

export function currentDeadline(app: ApplicationDates): CurrentDeadline | null {
  if (app.state !== "open") return null;
  if (app.executedOn === null) return app.dueOn ? { kind: "decision", date: app.dueOn } : null;
  return app.deregistrationDueOn ? { kind: "deregistration", date: app.deregistrationDueOn } : null;
}

export function isOverdue(app: ApplicationDates, today: string): boolean {
  const deadline = currentDeadline(app);
  return deadline !== null && deadline.date < today;
}

/** How the rule is named beside its date (办理期限 2026/11/30 · 已逾期 4 个工作日). */
export const DEADLINE_LABELS = {
  decision: { "zh-CN": "办理期限", en: "Processing deadline" },
  deregistration: { "zh-CN": "学籍注销期限", en: "Deregistration deadline" },
} as const;
