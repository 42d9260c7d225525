/**
 * The status-change application types (学籍异动), as keys only: a screen that names or filters by type loads
 * this list, not the default workflows of application-types.ts.
 */
export const APPLICATION_TYPES = [
  "suspension",
  "resumption",
  "demotion",
  "keep-admission",
  "give-up-admission",
  "withdrawal",
  "dismissal",
  "change-major",
  "deregistration",
  "identity-change",
  // 降级 for failed credits (留级 carried out, seed 000 九), and the three ends of a 学籍 the seeds name.
  "academic-demotion",
  "cancel-admission",
  "expulsion",
  "status-cancellation",
  // The certificate papers the seeds name (seed 002 三.2–三.3; seed 000 四, 八).
  "completion-to-graduation",
  "record-correction",
  "certificate-replacement",
  // 保留入学资格 ends in 恢复入学资格 (seed 003 第四条; the transition table's resume-admission).
  "resume-admission",
] as const;
export type ApplicationType = (typeof APPLICATION_TYPES)[number];
