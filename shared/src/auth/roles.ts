import type { Locale } from "../messages/locale";

/** docs/domain.md §1. College roles work on their own college only. */
export const ROLES = ["secretary", "college-leader", "registrar-staff", "registrar-leader", "school-leader", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const COLLEGE_ROLES: ReadonlySet<Role> = new Set(["secretary", "college-leader"]);

/** Whether a role is held to its own college (docs/domain.md §1): the server scopes it, a college filter is fixed for it. */
export function isCollegeRole(role: Role): boolean {
  return COLLEGE_ROLES.has(role);
}

/** The college a user is held to: a college role's own; null for the roles that see every college. */
export function ownCollegeOf(user: { role: Role; collegeId: number | null }): number | null {
  return isCollegeRole(user.role) ? user.collegeId : null;
}

/**
 * The leaders — 分管院领导, 教务处分管领导, 分管校领导 — who oversee the work rather than do it: the overview
 * shows them how it goes (lead times, overdue by college, audit pass rates) before the lists.
 */
export const LEADER_ROLES: ReadonlySet<Role> = new Set(["college-leader", "registrar-leader", "school-leader"]);

export function isLeader(role: Role): boolean {
  return LEADER_ROLES.has(role);
}

/**
 * Who still signs in with a password when the school has turned passwords off for everyone else
 * (campus sign-on, setting `passwords: administrators`): the administrator, so that a campus system that
 * is down or misconfigured does not lock out the one who can fix the setting.
 */
export function keepsPasswordUnderCampusSignOn(role: Role): boolean {
  return role === "admin";
}

export const ROLE_LABELS: Readonly<Record<Role, Record<Locale, string>>> = {
  secretary: { "zh-CN": "二级学院教学秘书", en: "College secretary" },
  "college-leader": { "zh-CN": "二级学院分管院领导", en: "College leader" },
  "registrar-staff": { "zh-CN": "教务处学籍中心", en: "Registrar staff" },
  "registrar-leader": { "zh-CN": "教务处分管领导", en: "Registrar leader" },
  "school-leader": { "zh-CN": "分管校领导", en: "School leader" },
  admin: { "zh-CN": "系统管理员", en: "Administrator" },
};

/**
 * What each role may do. `own-college` means a college role may act only within its college;
 * registrar and school roles act on every college. Procedures name one permission each, and the
 * server checks it before the procedure runs and scopes its queries by it.
 */
export type Scope = "own-college" | "all";
export const PERMISSIONS = {
  "sheets.validate": { secretary: "own-college", "registrar-staff": "all" },
  "sheets.submit": { secretary: "own-college", "registrar-staff": "all" },
  "sheets.read": {
    secretary: "own-college",
    "college-leader": "own-college",
    "registrar-staff": "all",
    "registrar-leader": "all",
    "school-leader": "all",
  },
  "sheets.review": { "registrar-staff": "all", "registrar-leader": "all" },
  "students.read": {
    secretary: "own-college",
    "college-leader": "own-college",
    "registrar-staff": "all",
    "registrar-leader": "all",
    "school-leader": "all",
  },
  /** 图像采集 (seed 000 六.2): the college collects its graduates' photos; the registrar's 学籍中心 checks them (seed 004). */
  "students.photo": { secretary: "own-college", "registrar-staff": "all" },
  "pending.read": {
    secretary: "own-college",
    "college-leader": "own-college",
    "registrar-staff": "all",
    "registrar-leader": "all",
    "school-leader": "all",
  },
  "applications.file": { secretary: "own-college", "registrar-staff": "all" },
  "applications.read": {
    secretary: "own-college",
    "college-leader": "own-college",
    "registrar-staff": "all",
    "registrar-leader": "all",
    "school-leader": "all",
  },
  /** Which stage a role may decide is checked against the workflow; this is the gate to try. */
  "applications.decide": { "college-leader": "own-college", "registrar-staff": "all", "registrar-leader": "all", "school-leader": "all" },
  "pending.lift": { "registrar-staff": "all" },
  /** Lifting the graduates' data freeze for one student (seed 000 六.1): the registrar leader's, with a reason. */
  "students.lift-freeze": { "registrar-leader": "all" },
  /** 催办 an overdue application, and the 通知 page of what was sent where (registrar, administrator). */
  "applications.urge": { "registrar-staff": "all", "registrar-leader": "all" },
  "notifications.read": { "registrar-staff": "all", "registrar-leader": "all", admin: "all" },
  /** Turning a 退学 outcome of the rules into a dismissal application (学籍处理 → 学籍异动). */
  "pending.take-up": { "registrar-staff": "all" },
  "graduation.read": {
    secretary: "own-college",
    "college-leader": "own-college",
    "registrar-staff": "all",
    "registrar-leader": "all",
    "school-leader": "all",
  },
  "graduation.run": { "registrar-staff": "all" },
  "graduation.override": { "registrar-staff": "all", "registrar-leader": "all" },
  /** 学院初审 is the college leader's; the later stages the registrar's. */
  "graduation.advance": { "college-leader": "own-college", "registrar-staff": "all", "registrar-leader": "all", "school-leader": "all" },
  /** Reporting upward (学信网 upload, 公示 and 发文 lists). */
  "exports.read": { "registrar-staff": "all", "registrar-leader": "all" },
  /** Low-code settings: rules, workflows, templates, calendar. The registrar leader and the administrator change them. */
  "settings.read": { "registrar-staff": "all", "registrar-leader": "all", admin: "all" },
  "settings.write": { "registrar-leader": "all", admin: "all" },
  /**
   * The registrar's staff read the events of their own work (auditEntitiesFor in audit/audit-vocabulary.ts
   * narrows them; the server filters by it); the registrar leader and the administrator read all.
   */
  "auditLog.read": { "registrar-staff": "all", "registrar-leader": "all", admin: "all" },
  "users.manage": { admin: "all" },
  // —— 学年注册, 学籍统计, 在读证明/学历证明 ——
  /** 学年注册, 暂缓注册, 补注册: the college does it for its students (seed 004 “二级学院通过正方教学管理系统完成学生报到、注册处理”). */
  "registration.write": { secretary: "own-college", "registrar-staff": "all" },
  "registration.read": {
    secretary: "own-college",
    "college-leader": "own-college",
    "registrar-staff": "all",
    "registrar-leader": "all",
    "school-leader": "all",
  },
  /** 新生学籍电子注册: “教务处学籍中心上报数据进行学籍电子注册” (seed 004). */
  "registration.register-new": { "registrar-staff": "all" },
  /**
   * 学籍统计 (seed 001 十 “统计本专科各专业人数报学校有关领导、有关部门”): the registrar counts and reports
   * upward to the school's leaders; a college's staff read their own students on the lists, not the school's count.
   */
  "reports.read": { "registrar-staff": "all", "registrar-leader": "all", "school-leader": "all" },
  /** 在读证明 (the college issues it, seed 000 二) and 学历证明 (学籍科, seed 000 三). */
  "documents.issue": { secretary: "own-college", "registrar-staff": "all" },

  // —— the organisation and the calendar (学校、学院、专业、班级、学期) and the set-up checklist ——
  "organisation.read": { "registrar-staff": "all", "registrar-leader": "all", admin: "all" },
  "organisation.write": { "registrar-staff": "all", admin: "all" },
  /** 导入学籍: the record, admitted freshmen and results from sheets (A3); accounts need users.manage too (A4). */
  "imports.write": { "registrar-staff": "all", admin: "all" },
} as const satisfies Record<string, Partial<Record<Role, Scope>>>;

export type Permission = keyof typeof PERMISSIONS;

export function scopeOf(permission: Permission, role: Role): Scope | null {
  return (PERMISSIONS[permission] as Partial<Record<Role, Scope>>)[role] ?? null;
}

/** The roles that hold a permission, at `scope` when given (e.g. who submits a college's own sheets). */
export function rolesHolding(permission: Permission, scope?: Scope): Role[] {
  return ROLES.filter((role) => {
    const held = scopeOf(permission, role);
    return held !== null && (scope === undefined || held === scope);
  });
}

/** 在读证明 (enrolment) and 学历证明 (education): the certificates of a student's status. */
export type StatusDocumentKind = "enrolment" | "education" | "replacement";

/**
 * Who issues which certificate, among the holders of `documents.issue`: 在读证明 the student's college or
 * the registrar (seed 000 二); 学历证明 and the 补发 证明书 the registrar's 学籍科 only (seed 000 三 “到教务处学籍科办理”, 四).
 */
const DOCUMENT_ISSUERS: Readonly<Record<StatusDocumentKind, readonly Role[]>> = {
  enrolment: ["secretary", "registrar-staff"],
  education: ["registrar-staff"],
  replacement: ["registrar-staff"],
};

export function mayIssueDocument(role: Role, kind: StatusDocumentKind): boolean {
  return scopeOf("documents.issue", role) !== null && DOCUMENT_ISSUERS[kind].includes(role);
}

/** ID numbers are personal data: shown in full only to roles whose work needs them. */
export const ROLES_SEEING_ID_NUMBERS: ReadonlySet<Role> = new Set(["secretary", "registrar-staff", "registrar-leader"]);

/** 430103200405011234 → 430103********1234. */
export function maskIdNumber(id: string): string {
  return id.length <= 10 ? "*".repeat(id.length) : `${id.slice(0, 6)}${"*".repeat(id.length - 10)}${id.slice(-4)}`;
}
