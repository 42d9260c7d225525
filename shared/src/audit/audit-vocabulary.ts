import type { Role } from "../auth/roles";
import { SHEET_LABELS } from "../messages/labels";
import type { Locale } from "../messages/locale";
import { SETTING_KIND_LABELS } from "../messages/setting-labels";
import { receiptCode } from "../sheets/receipt-code";
import type { SheetKind } from "../sheets/templates";
import type { ApplicationType } from "../workflows/application-type-keys";
import { DEFAULT_WORKFLOWS } from "../workflows/application-types";

type Names = Readonly<Record<Locale, string>>;

/**
 * Who may read which events of the audit log. The registrar's staff read the events of their own work
 * every day (status changes, sheets, registration, standing, graduation, certificates, imports, and the
 * organisation they keep, docs/domain.md §1);
 * account administration (sign-ins, resets, who disabled whom) and settings stay with the registrar
 * leader and the administrator. A kind not listed here is not the staff's (fail closed).
 */
export type AuditDomain = "registrar" | "accounts" | "settings";

export const AUDIT_ENTITIES: Readonly<Record<string, { name: Names; domain: AuditDomain }>> = {
  application: { name: { "zh-CN": "学籍异动", en: "Status change" }, domain: "registrar" },
  sheet_submission: { name: { "zh-CN": "核对表", en: "Sheet" }, domain: "registrar" },
  registration: { name: { "zh-CN": "学年注册", en: "Registration" }, domain: "registrar" },
  pending_item: { name: { "zh-CN": "学业预警", en: "Academic standing item" }, domain: "registrar" },
  graduation_cohort: { name: { "zh-CN": "毕业审核（届次）", en: "Graduation cohort" }, domain: "registrar" },
  graduation_audit: { name: { "zh-CN": "毕业审核结论", en: "Graduation audit result" }, domain: "registrar" },
  student: { name: { "zh-CN": "学生", en: "Student" }, domain: "registrar" },
  students: { name: { "zh-CN": "学生（批量）", en: "Students (batch)" }, domain: "registrar" },
  status_document: { name: { "zh-CN": "证明", en: "Certificate" }, domain: "registrar" },
  import: { name: { "zh-CN": "导入", en: "Import" }, domain: "registrar" },
  export: { name: { "zh-CN": "导出（含个人信息）", en: "Export (personal data)" }, domain: "registrar" },
  school: { name: { "zh-CN": "学校", en: "School" }, domain: "registrar" },
  college: { name: { "zh-CN": "学院", en: "College" }, domain: "registrar" },
  major: { name: { "zh-CN": "专业", en: "Major" }, domain: "registrar" },
  class: { name: { "zh-CN": "班级", en: "Class" }, domain: "registrar" },
  term: { name: { "zh-CN": "学期", en: "Term" }, domain: "registrar" },
  organisation: { name: { "zh-CN": "组织机构（导入）", en: "Organisation (import)" }, domain: "registrar" },
  user: { name: { "zh-CN": "用户", en: "User" }, domain: "accounts" },
  setting: { name: { "zh-CN": "设置", en: "Setting" }, domain: "settings" },
  notification_channel: { name: { "zh-CN": "通知渠道", en: "Notification channel" }, domain: "settings" },
  sign_on_settings: { name: { "zh-CN": "统一身份认证设置", en: "Campus sign-on settings" }, domain: "settings" },
};

/** The event kinds a role may read, or null for all of them. */
export function auditEntitiesFor(role: Role): readonly string[] | null {
  if (role === "registrar-leader" || role === "admin") return null;
  if (role === "registrar-staff")
    return Object.entries(AUDIT_ENTITIES)
      .filter(([, e]) => e.domain === "registrar")
      .map(([kind]) => kind);
  return [];
}

/** 新建、修改、停用、恢复、删除 of one kind of organisation record (the verbs retire-record.ts writes). */
function organisationActions(kind: string, zh: string, en: string): Record<string, Names> {
  return {
    [`${kind}.create`]: { "zh-CN": `新建${zh}`, en: `Created a ${en}` },
    [`${kind}.update`]: { "zh-CN": `修改${zh}`, en: `Changed a ${en}` },
    [`${kind}.retire`]: { "zh-CN": `停用${zh}`, en: `Retired a ${en}` },
    [`${kind}.restore`]: { "zh-CN": `恢复${zh}`, en: `Restored a ${en}` },
    [`${kind}.delete`]: { "zh-CN": `删除${zh}`, en: `Deleted a ${en}` },
  };
}

/** Actions by name. A new action without a name here shows as its kind's name and the code (never alone). */
export const AUDIT_ACTIONS: Readonly<Record<string, Names>> = {
  "auth.sign-in": { "zh-CN": "登录", en: "Signed in" },
  "application.urge": { "zh-CN": "催办", en: "Sent a reminder" },
  "notification.channel-save": { "zh-CN": "保存通知渠道", en: "Saved a notification channel" },
  "auth.sign-on": { "zh-CN": "统一身份认证登录", en: "Signed in through campus sign-on" },
  "auth.sign-on-refused": { "zh-CN": "统一身份认证登录被拒（无账号）", en: "Campus sign-on refused (no account)" },
  "auth.single-sign-out": { "zh-CN": "统一身份认证退出", en: "Signed out at the campus sign-on" },
  "sign-on.settings-save": { "zh-CN": "保存统一身份认证设置", en: "Saved the campus sign-on settings" },
  "user.create": { "zh-CN": "新建用户", en: "Created a user" },
  "user.disable": { "zh-CN": "停用账号", en: "Disabled an account" },
  "user.enable": { "zh-CN": "启用账号", en: "Enabled an account" },
  "user.reset-password": { "zh-CN": "重置密码", en: "Reset a password" },
  "user.end-sessions": { "zh-CN": "结束会话", en: "Ended sessions" },
  "user.change-password": { "zh-CN": "修改本人密码", en: "Changed own password" },
  "setting.save": { "zh-CN": "发布设置", en: "Published a setting" },
  "setting.restore": { "zh-CN": "恢复设置版本", en: "Restored a setting version" },
  "sheet.submit": { "zh-CN": "提交核对表", en: "Submitted a sheet" },
  "sheet.accept": { "zh-CN": "接受核对表", en: "Accepted a sheet" },
  "sheet.reject": { "zh-CN": "退回核对表", en: "Returned a sheet" },
  "student.lift-freeze": { "zh-CN": "解除应届毕业生信息冻结", en: "Lifted the graduates' data freeze" },
  "application.file": { "zh-CN": "新建学籍异动", en: "Filed a status change" },
  "application.from-pending": { "zh-CN": "由学业预警发起异动", en: "Filed from a standing item" },
  "application.submit": { "zh-CN": "报送异动", en: "Submitted a status change" },
  "application.advance": { "zh-CN": "审批通过", en: "Approved" },
  "application.return": { "zh-CN": "退回异动", en: "Returned a status change" },
  "application.reject": { "zh-CN": "驳回异动", en: "Rejected a status change" },
  "application.sign-off": { "zh-CN": "登记纸质签署", en: "Recorded a paper sign-off" },
  "application.attach-scan": { "zh-CN": "上传材料扫描件", en: "Attached a scan" },
  "student.photo": { "zh-CN": "上传毕业生照片", en: "Uploaded a graduate photo" },
  "students.import-photos": { "zh-CN": "批量导入毕业生照片", en: "Imported graduate photos" },
  "application.edit": { "zh-CN": "修改草稿", en: "Edited a draft" },
  "application.withdraw": { "zh-CN": "撤回异动", en: "Withdrew a status change" },
  "application.delete": { "zh-CN": "删除草稿", en: "Deleted a draft" },
  "pending.lift": { "zh-CN": "解除学业预警", en: "Lifted a standing item" },
  "registration.register": { "zh-CN": "学年注册", en: "Registered" },
  "registration.defer": { "zh-CN": "暂缓注册", en: "Deferred registration" },
  "registration.new-students": { "zh-CN": "新生电子注册", en: "Registered new students" },
  "graduation.run": { "zh-CN": "运行毕业审核", en: "Ran the graduation audit" },
  "graduation.override": { "zh-CN": "人工认定毕业审核结论", en: "Overrode an audit result" },
  "graduation.advance": { "zh-CN": "推进毕业审核", en: "Advanced the graduation audit" },
  "graduation.execute": { "zh-CN": "执行毕业名单", en: "Carried out the graduation list" },
  "graduation.facts": { "zh-CN": "登记学位相关事实", en: "Recorded degree facts" },
  "graduation.completion-to-graduation": { "zh-CN": "结业换发毕业证", en: "Completion changed to graduation" },
  "graduation.degree-supplement": { "zh-CN": "学位补授", en: "Awarded a degree later" },
  "document.issue": { "zh-CN": "开具证明", en: "Issued a certificate" },
  "document.reprint": { "zh-CN": "补打证明", en: "Reprinted a certificate" },
  "import.commit": { "zh-CN": "确认导入", en: "Committed an import" },
  "export.download": { "zh-CN": "下载含个人信息的文件", en: "Downloaded personal data" },
  "organisation.import": { "zh-CN": "导入组织机构", en: "Imported the organisation" },
  "school.create": { "zh-CN": "登记学校信息", en: "Entered the school" },
  "school.update": { "zh-CN": "修改学校信息", en: "Changed the school" },
  ...organisationActions("college", "学院", "college"),
  ...organisationActions("major", "专业", "major"),
  ...organisationActions("class", "班级", "class"),
  ...organisationActions("term", "学期", "term"),
};

export function auditEntityName(kind: string, locale: Locale): string {
  return AUDIT_ENTITIES[kind]?.name[locale] ?? kind;
}

/**
 * An audited object as a reader knows it: a setting by its kind's name, and its key's where it has several
 * (学籍异动流程 · 休学, 核对表模板 · 新生名册), not `workflow/suspension`; a sheet by its receipt; anything else by its
 * number.
 */
export function auditEntityIdLabel(entity: string, entityId: string, locale: Locale): string {
  // A sheet by its receipt, as the pane showed it to the secretary (the log's search finds it by the same code).
  if (entity === "sheet_submission") return receiptCode(entityId);
  if (entity !== "setting") return entityId;
  const [kind = "", key = ""] = entityId.split("/");
  const title = SETTING_KIND_LABELS[kind]?.title[locale];
  if (!title) return entityId;
  const keyName = DEFAULT_WORKFLOWS[key as ApplicationType]?.name[locale] ?? SHEET_LABELS[key as SheetKind]?.[locale];
  return keyName ? `${title} · ${keyName}` : title;
}

export function auditActionName(action: string, locale: Locale): string {
  const known = AUDIT_ACTIONS[action];
  if (known) return known[locale];
  // Unnamed: the kind's name before the verb's code, so a reader still sees what it was about.
  const [kind] = action.split(".");
  const entity = Object.keys(AUDIT_ENTITIES).find((k) => k === kind || k.startsWith(`${kind}_`));
  return entity ? `${auditEntityName(entity, locale)} · ${action}` : action;
}
