import {
  COLLEGE_ROLES,
  fieldIssue,
  type ImportColumnAt,
  type ImportRow,
  type Issue,
  matchKey,
  ROLE_LABELS,
  ROLES,
  type Role,
} from "@xueji/shared";
import type { Executor } from "../../db/client";
import { colleges, users } from "../../db/schema";
import { addChange, addIssues, addMissing, type FieldChange, type ImportReport } from "./import-report";

// The words people write for each role in an account sheet, besides its full name and key.
const ROLE_WORDS: Readonly<Record<Role, readonly string[]>> = {
  secretary: ["教学秘书", "秘书", "学院秘书"],
  "college-leader": ["院领导", "学院领导", "分管院领导", "二级学院领导"],
  "registrar-staff": ["学籍中心", "学籍管理员", "学籍科", "教务处"],
  "registrar-leader": ["教务处领导", "分管领导", "教务处长"],
  "school-leader": ["校领导", "分管校领导"],
  admin: ["管理员", "系统管理员"],
};
const ROLE_INDEX = new Map<string, Role>();
for (const role of ROLES)
  for (const word of [role, ROLE_LABELS[role]["zh-CN"], ROLE_LABELS[role].en, ...ROLE_WORDS[role]]) ROLE_INDEX.set(matchKey(word), role);

const USERNAME = /^[A-Za-z0-9._-]{2,64}$/;

export interface UserTarget {
  username: string;
  displayName: string;
  role: Role;
  collegeId: number | null;
}

export interface UserPlan {
  creates: UserTarget[];
  updates: Array<{ id: number; target: UserTarget; changes: FieldChange[] }>;
}

/** Accounts (用户名, 姓名, 角色, 学院): new ones get a temporary password at commit; a changed one keeps its password. */
export async function createUserPlanner(db: Executor, report: ImportReport) {
  const existing = new Map((await db.select().from(users)).map((u) => [u.username, u]));
  const collegeRows = await db.select().from(colleges);
  const plan: UserPlan = { creates: [], updates: [] };
  let columns: ImportColumnAt[] = [];
  const collegeName = (id: number | null) => (id === null ? null : (collegeRows.find((c) => c.id === id)?.name ?? null));
  return {
    plan,
    setColumns(found: ImportColumnAt[]) {
      columns = found;
    },
    onRow(row: ImportRow) {
      report.rows++;
      const issues: Issue[] = [...row.issues];
      const at = (key: string) => columns.find((c) => c.key === key)?.column ?? null;
      const fail = (key: string, found: ReturnType<typeof fieldIssue>) =>
        issues.push({ ...found, row: row.row, column: at(key), field: key });
      const v = row.values;
      const role = v.role ? ROLE_INDEX.get(matchKey(v.role)) : undefined;
      if (v.username && !USERNAME.test(v.username)) fail("username", fieldIssue("import.username-format", { value: v.username }));
      if (v.role && !role) fail("role", fieldIssue("import.unknown-role", { value: v.role }));
      let collegeId: number | null = null;
      if (role && COLLEGE_ROLES.has(role)) {
        const college = v.college ? collegeRows.find((c) => c.name === v.college || c.code === v.college) : undefined;
        if (!v.college) fail("college", fieldIssue("import.college-required"));
        else if (!college) {
          addMissing(report.missing.colleges, v.college);
          fail("college", fieldIssue("import.unknown-college", { value: v.college }));
        } else collegeId = college.id;
      }
      addIssues(report, issues);
      if (issues.some((i) => i.severity === "error") || !role || !v.username || !v.name) return;
      const target: UserTarget = { username: v.username, displayName: v.name, role, collegeId };
      const user = existing.get(v.username);
      if (!user) {
        plan.creates.push(target);
        addChange(report, { row: row.row, key: target.username, name: target.displayName, action: "create", fields: [] });
        return;
      }
      const changes: FieldChange[] = [];
      if (user.displayName !== target.displayName) changes.push({ field: "name", before: user.displayName, after: target.displayName });
      if (user.role !== target.role)
        changes.push({ field: "role", before: ROLE_LABELS[user.role]["zh-CN"], after: ROLE_LABELS[role]["zh-CN"] });
      if (user.collegeId !== target.collegeId)
        changes.push({ field: "college", before: collegeName(user.collegeId), after: collegeName(collegeId) });
      if (changes.length === 0) report.unchanged++;
      else {
        plan.updates.push({ id: user.id, target, changes });
        addChange(report, { row: row.row, key: target.username, name: target.displayName, action: "update", fields: changes });
      }
    },
  };
}
