import { ROLE_LABELS, type Role } from "../auth/roles";
import { REGISTRATION_STATUS } from "../codes/registration-status";
import { STUDENT_STATUS } from "../codes/student-status";
import { entryByCode } from "../codes/table";
import { FIELD_LABELS } from "../messages/labels";
import type { Locale } from "../messages/locale";
import { STANDING_OUTCOME_LABELS, type StandingOutcome } from "../messages/outcomes";
import type { FieldKey } from "../sheets/fields";
import { type ApplicationType, DEFAULT_WORKFLOWS } from "../workflows/application-types";
import { MATERIALS, type Material } from "../workflows/materials";
import { stageLabel } from "../workflows/stages";

type Names = Readonly<Record<Locale, string>>;

/** The names of the fields audit events record that are not fields of a sheet (FIELD_LABELS has those). */
const EVENT_FIELDS: Readonly<Record<string, Names>> = {
  status: FIELD_LABELS.studentStatus,
  stage: { "zh-CN": "环节", en: "Stage" },
  state: { "zh-CN": "状态", en: "State" },
  version: { "zh-CN": "版本", en: "Version" },
  opinion: { "zh-CN": "意见", en: "Opinion" },
  reason: { "zh-CN": "原因", en: "Reason" },
  reasonCode: { "zh-CN": "异动原因", en: "Reason" },
  type: { "zh-CN": "异动类型", en: "Type" },
  materials: { "zh-CN": "材料", en: "Materials" },
  changes: { "zh-CN": "变更的字段", en: "Changed fields" },
  noticeNo: { "zh-CN": "通知单编号", en: "Notice number" },
  outcome: { "zh-CN": "审核结论", en: "Outcome" },
  degree: { "zh-CN": "学位", en: "Degree" },
  students: { "zh-CN": "学生", en: "Students" },
  statusChanges: { "zh-CN": "学籍状态变更", en: "Status changes" },
  disabled: { "zh-CN": "已停用", en: "Disabled" },
  sessionsEnded: { "zh-CN": "结束的会话数", en: "Sessions ended" },
  temporary: { "zh-CN": "临时密码", en: "Temporary password" },
  wasTemporary: { "zh-CN": "原为临时密码", en: "Was temporary" },
  role: { "zh-CN": "角色", en: "Role" },
  username: { "zh-CN": "用户名", en: "User name" },
  displayName: { "zh-CN": "姓名", en: "Name" },
  collegeId: { "zh-CN": "学院（编号）", en: "College (id)" },
  majorId: { "zh-CN": "专业（编号）", en: "Major (id)" },
  classId: { "zh-CN": "班级（编号）", en: "Class (id)" },
  audited: { "zh-CN": "审核人数", en: "Audited" },
  graduate: { "zh-CN": "毕业人数", en: "Graduating" },
  kind: { "zh-CN": "类别", en: "Kind" },
  key: { "zh-CN": "键", en: "Key" },
  academicYear: { "zh-CN": "学年", en: "Academic year" },
  late: { "zh-CN": "逾期", en: "Late" },
  from: { "zh-CN": "原状态", en: "From" },
  rows: { "zh-CN": "行数", en: "Rows" },
  documentNo: { "zh-CN": "证明编号", en: "Certificate number" },
  reprintCount: { "zh-CN": "补打次数", en: "Reprints" },
  provisional: { "zh-CN": "暂定", en: "Provisional" },
};

const STATES: Readonly<Record<string, Names>> = {
  submitted: { "zh-CN": "待审核", en: "Submitted" },
  superseded: { "zh-CN": "已被新版本取代", en: "Superseded" },
  accepted: { "zh-CN": "已接受", en: "Accepted" },
  rejected: { "zh-CN": "已退回", en: "Returned" },
  pending: { "zh-CN": "待处理", en: "Pending" },
  lifted: { "zh-CN": "已解除", en: "Lifted" },
  "taken-up": { "zh-CN": "已发起异动", en: "Taken up" },
  open: { "zh-CN": "办理中", en: "Open" },
  done: { "zh-CN": "已完成", en: "Done" },
};

const OUTCOMES: Readonly<Record<string, Names>> = {
  graduate: { "zh-CN": "毕业", en: "Graduate" },
  complete: { "zh-CN": "结业", en: "Completion" },
  award: { "zh-CN": "授予", en: "Award" },
  withhold: { "zh-CN": "不授予", en: "Withhold" },
};

/** A field's name: an event field, else a sheet field, else the key itself. */
export function auditFieldName(key: string, locale: Locale): string {
  return EVENT_FIELDS[key]?.[locale] ?? (FIELD_LABELS as Partial<Record<string, Names>>)[key as FieldKey]?.[locale] ?? key;
}

function stageName(stage: string, locale: Locale): string {
  for (const workflow of Object.values(DEFAULT_WORKFLOWS)) {
    const name = stageLabel(workflow, stage, locale);
    if (name !== stage) return name;
  }
  return stage;
}

function reasonName(code: string, locale: Locale): string {
  for (const workflow of Object.values(DEFAULT_WORKFLOWS)) {
    const reason = workflow.reasons.find((r) => r.code === code);
    if (reason) return reason.name[locale];
  }
  return code;
}

/** A recorded value as a reader reads it: codes by their names, yes/no, lists joined, nothing as —. */
export function auditValueText(key: string, value: unknown, locale: Locale): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? (locale === "zh-CN" ? "是" : "yes") : locale === "zh-CN" ? "否" : "no";
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== "object" || v === null)) return value.map((v) => auditValueText(key, v, locale)).join("、");
    const studentNos = value.map((v) => (v as { studentNo?: unknown }).studentNo).filter((n) => typeof n === "string");
    if (studentNos.length === value.length) {
      const shown = studentNos.slice(0, 5).join("、");
      const more = studentNos.length > 5 ? (locale === "zh-CN" ? ` 等 ${studentNos.length} 人` : ` and ${studentNos.length - 5} more`) : "";
      return `${shown}${more}`;
    }
    return locale === "zh-CN" ? `${value.length} 项` : `${value.length} items`;
  }
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${auditFieldName(k, locale)}：${auditValueText(k, v, locale)}`)
      .join("；");
  }
  const text = String(value);
  switch (key) {
    case "status":
    case "studentStatus":
      return entryByCode(STUDENT_STATUS, text)?.name ?? text;
    case "registrationStatus":
      return entryByCode(REGISTRATION_STATUS, text)?.name ?? text;
    case "stage":
      return stageName(text, locale);
    case "state":
      return STATES[text]?.[locale] ?? text;
    case "type":
      return DEFAULT_WORKFLOWS[text as ApplicationType]?.name[locale] ?? text;
    case "reasonCode":
      return reasonName(text, locale);
    case "materials":
      return MATERIALS[text as Material]?.[locale] ?? text;
    case "outcome":
    case "degree":
      return OUTCOMES[text]?.[locale] ?? STANDING_OUTCOME_LABELS[text as StandingOutcome]?.[locale] ?? text;
    case "role":
      return ROLE_LABELS[text as Role]?.[locale] ?? text;
    default:
      return text;
  }
}

export interface AuditChangeRow {
  field: string;
  before: string;
  after: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isFieldChange = (v: unknown): v is { field: string; before: unknown; after: unknown } =>
  isRecord(v) && typeof v.field === "string" && "before" in v && "after" in v;

/**
 * An event's before and after as a table of named fields: `{status: "enrolled"} → {status: "suspended"}`
 * reads 学籍状态 | 在读 | 休学; the field changes an execution records (`changes: [{field, before, after}]`)
 * and `{before, after}` pairs become rows of their own.
 */
export function describeAuditChange(before: unknown, after: unknown, locale: Locale): AuditChangeRow[] {
  const b = isRecord(before) ? before : before === null || before === undefined ? {} : { value: before };
  const a = isRecord(after) ? after : after === null || after === undefined ? {} : { value: after };
  const rows: AuditChangeRow[] = [];
  for (const key of [...new Set([...Object.keys(b), ...Object.keys(a)])]) {
    const bv = b[key];
    const av = a[key];
    if (Array.isArray(av) && av.length > 0 && av.every(isFieldChange)) {
      for (const c of av)
        rows.push({
          field: auditFieldName(c.field, locale),
          before: auditValueText(c.field, c.before, locale),
          after: auditValueText(c.field, c.after, locale),
        });
      continue;
    }
    if (bv === undefined && isRecord(av) && "before" in av && "after" in av) {
      rows.push({
        field: auditFieldName(key, locale),
        before: auditValueText(key, av.before, locale),
        after: auditValueText(key, av.after, locale),
      });
      continue;
    }
    rows.push({
      field: auditFieldName(key, locale),
      before: key in b ? auditValueText(key, bv, locale) : "",
      after: key in a ? auditValueText(key, av, locale) : "",
    });
  }
  return rows;
}
