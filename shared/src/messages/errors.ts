import { ROLE_LABELS, type Role } from "../auth/roles";
import { AUDIT_STAGE_LABELS, type AuditStage } from "../rules/graduation-audit";
import { type ApplicationType, DEFAULT_WORKFLOWS } from "../workflows/application-types";
import { stageLabel } from "../workflows/stages";
import type { Locale } from "./catalogue";

/**
 * Errors of whole operations (a file that cannot be opened, a bad command-line option), as
 * opposed to issues found in a sheet. The code crosses the wire; the message is looked up here.
 */
export const errorCatalogue = {
  "file.not-found": { "zh-CN": "找不到文件“{file}”。", en: "File “{file}” was not found." },
  "file.unsupported": {
    "zh-CN": "不支持的文件类型“{ext}”：请提供 .xlsx 或 .csv 文件（.xls 请先在 Excel 中另存为 .xlsx）。",
    en: "Unsupported file type “{ext}”: use .xlsx or .csv (save an .xls as .xlsx in Excel first).",
  },
  "file.corrupt": {
    "zh-CN": "无法读取“{file}”：文件已损坏或不是真正的 Excel 工作簿（{detail}）。",
    en: "Cannot read “{file}”: the file is damaged or not a real Excel workbook ({detail}).",
  },
  "file.no-sheet": { "zh-CN": "“{file}”中没有工作表。", en: "“{file}” has no worksheet." },
  "auth.invalid-credentials": { "zh-CN": "用户名或密码不正确。", en: "Wrong user name or password." },
  "auth.rate-limited": {
    "zh-CN": "登录失败次数过多，请 {minutes} 分钟后再试。",
    en: "Too many failed sign-ins; try again in {minutes} minutes.",
  },
  "auth.required": { "zh-CN": "请先登录。", en: "Please sign in." },
  "auth.forbidden": { "zh-CN": "您的角色（{role}）没有执行此操作的权限。", en: "Your role ({role}) may not do this." },
  "auth.other-college": {
    "zh-CN": "只能处理本学院的学生和核对表。",
    en: "You may only work on your own college's students and sheets.",
  },
  "auth.cross-site": {
    "zh-CN": "已拒绝来自其他网站的请求。请在学籍系统自己的页面中操作。",
    en: "A request from another site was refused. Use Xueji's own pages.",
  },
  "user.not-found": { "zh-CN": "找不到这个用户。", en: "User not found." },
  "user.exists": { "zh-CN": "用户名“{username}”已被使用。", en: "The user name “{username}” is taken." },
  "user.not-self": { "zh-CN": "不能停用自己的账号。", en: "You cannot disable your own account." },
  /** Appended to every error a user sees over HTTP, so it can be quoted on the phone. */
  "request.id": { "zh-CN": "（请求编号 {requestId}）", en: " (request id {requestId})" },
  "request.batch-too-large": {
    "zh-CN": "一次请求最多包含 {max} 个调用，请分开发送。",
    en: "A request may hold at most {max} calls; send them separately.",
  },
  "request.url-too-long": {
    "zh-CN": "请求地址过长（最多 {max} 个字符）。",
    en: "The request address is too long (at most {max} characters).",
  },
  "request.not-json": {
    "zh-CN": "请求内容必须是 JSON（Content-Type: application/json）。",
    en: "The request body must be JSON (Content-Type: application/json).",
  },
  "input.invalid": { "zh-CN": "提交的数据不符合要求：{detail}", en: "The request is not valid: {detail}" },
  "sheet.unreadable": {
    "zh-CN": "无法识别这张核对表：{detail}",
    en: "This check sheet cannot be read: {detail}",
  },
  "sheet.has-errors": {
    "zh-CN": "核对表还有 {errors} 个错误（涉及 {rows} 行），这类核对表须全部修正后才能提交。",
    en: "The sheet still has {errors} errors on {rows} rows; this kind of sheet must be corrected before it can be submitted.",
  },
  "sheet.not-found": { "zh-CN": "找不到这份核对表提交记录。", en: "Submission not found." },
  "sheet.already-reviewed": {
    "zh-CN": "这份核对表已审核（{state}），不能再次改变审核结果。",
    en: "This submission was already reviewed ({state}); its outcome cannot change.",
  },
  "sheet.superseded": {
    "zh-CN": "学院已提交了更新的版本（第 {version} 版），请审核最新版本。",
    en: "The college has submitted a newer version ({version}); review that one.",
  },
  "term.unknown": { "zh-CN": "学期“{term}”不存在。", en: "Term “{term}” does not exist." },
  "college.unknown": { "zh-CN": "学院不存在。", en: "College not found." },
  "student.unknown": { "zh-CN": "学号“{studentNo}”在学籍库中不存在。", en: "Student “{studentNo}” is not in the record." },
  "application.not-found": { "zh-CN": "找不到这份学籍异动申请。", en: "Application not found." },
  "application.unknown-reason": { "zh-CN": "“{type}”没有原因“{reason}”。", en: "“{type}” has no reason “{reason}”." },
  "application.materials-missing": {
    "zh-CN": "材料不齐，还缺：{materials}。材料齐全后才能报送。",
    en: "Materials missing: {materials}. The application cannot leave the college until they are complete.",
  },
  "application.changes-invalid": { "zh-CN": "申请的变更内容有误：{detail}", en: "The requested changes are not valid: {detail}" },
  "application.conflict": {
    "zh-CN": "这份申请刚刚已被他人处理（现为第 {version} 版），请刷新后再操作。",
    en: "Someone else has just acted on this application (now version {version}); refresh and try again.",
  },
  "application.wrong-stage": {
    "zh-CN": "这份申请当前在“{stage}”环节，不能执行此操作。",
    en: "The application is at “{stage}”; this action is not possible there.",
  },
  "application.not-your-stage": { "zh-CN": "“{stage}”环节由{role}审批。", en: "“{stage}” is decided by the {role}." },
  "application.opinion-required": { "zh-CN": "退回或驳回必须填写理由。", en: "A return or rejection needs a reason." },
  "application.notice-period": {
    "zh-CN": "公示期到 {date} 结束，期满后才能办理。",
    en: "The public notice runs until {date}; it can be processed after that.",
  },
  "application.transition-refused": {
    "zh-CN": "该生学籍状态为“{status}”，不能办理“{type}”。",
    en: "The student's status is “{status}”; “{type}” cannot be processed.",
  },
  "graduation.not-found": { "zh-CN": "找不到这条毕业审核记录。", en: "Audit not found." },
  "pending.not-found": { "zh-CN": "找不到这条学籍处理意见。", en: "Pending item not found." },
  "view.not-found": { "zh-CN": "找不到这个已保存的视图，或它不是您的。", en: "Saved view not found, or it is not yours." },
  "pending.already-lifted": { "zh-CN": "这条学业警示已经解除。", en: "This academic warning was already lifted." },
  internal: {
    "zh-CN": "处理时发生意外错误（{detail}）。请把这条信息告诉系统管理员。",
    en: "An unexpected error occurred ({detail}). Please tell the system administrator.",
  },
  "cli.usage": { "zh-CN": "用法错误：{detail}", en: "Usage error: {detail}" },
  "cli.unknown-kind": {
    "zh-CN": "未知的核对表类型“{kind}”。可选：{kinds}。",
    en: "Unknown sheet kind “{kind}”. Choose one of: {kinds}.",
  },
} satisfies Record<string, Record<Locale, string>>;

export type ErrorCode = keyof typeof errorCatalogue;

/**
 * Parameters that name things users read in their own language: `role` carries a role key,
 * `stage` a stage key (of the application type in `type`, or of the graduation audit).
 */
function localise(name: string, params: Readonly<Record<string, string | number>>, locale: Locale): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (name === "role" && value in ROLE_LABELS) return ROLE_LABELS[value as Role][locale];
  if (name === "stage") {
    const workflow = DEFAULT_WORKFLOWS[params.type as ApplicationType];
    if (workflow) return stageLabel(workflow, String(value), locale);
    if (value in AUDIT_STAGE_LABELS) return AUDIT_STAGE_LABELS[value as AuditStage][locale];
  }
  return String(value);
}

export function formatError(code: ErrorCode, params: Readonly<Record<string, string | number>> = {}, locale: Locale = "zh-CN"): string {
  return errorCatalogue[code][locale].replace(/\{(\w+)\}/g, (whole, name: string) => localise(name, params, locale) ?? whole);
}

/** An operation's failure with a code users can be shown; `detail` is for logs, never the UI. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Readonly<Record<string, string | number>> = {},
    detail?: string,
  ) {
    super(detail ?? code);
    this.name = "AppError";
  }

  userMessage(locale: Locale = "zh-CN"): string {
    return formatError(this.code, this.params, locale);
  }
}
