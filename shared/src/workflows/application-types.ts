import type { Role } from "../auth/roles";
import type { Locale } from "../messages/locale";
import type { StatusEvent } from "../status/transitions";
import type { ApplicationType } from "./application-type-keys";
import type { Material } from "./materials";

/**
 * Status-change applications (学籍异动) as data, docs/domain.md §5 and seed 004's 时间安排表: for each
 * type the reasons and the materials each needs, the chain of deciding stages and who decides,
 * the public-notice (公示) period, and the processing deadline in working days. A school edits
 * these as settings; these are the defaults.
 */
export { APPLICATION_TYPES, type ApplicationType } from "./application-type-keys";

export interface DecisionStage {
  key: string;
  name: Record<Locale, string>;
  role: Role;
  /** Whose college a college role must belong to: the student's, or the receiving one (转入学院). */
  college?: "student" | "target";
  /**
   * An office without an account (班主任, 辅导员, 学生处, 财务处, 招生就业处, 党委 — seed 002's chains):
   * the college secretary records its signature on paper (who, when, the scanned page), which
   * passes the stage. `role` is then the secretary's.
   */
  signOff?: boolean;
}

export interface Reason {
  code: string;
  name: Record<Locale, string>;
  materials: readonly Material[];
  /** Words that name this reason where a college writes it in prose (the 退学处理申报表's 退学原因). */
  keywords?: readonly string[];
  /** The reason a 退学 outcome of the standing rules (seed 000 九) is filed under. */
  fromStandingRules?: boolean;
}

export interface Workflow {
  type: ApplicationType;
  version: number;
  name: Record<Locale, string>;
  /** The status event executed at 办理; null for identity changes, which change fields instead. */
  event: StatusEvent | null;
  materials: readonly Material[];
  reasons: readonly Reason[];
  stages: readonly DecisionStage[];
  publicNoticeDays: number;
  /** From leaving the college to execution, in working days (0: the same day). */
  deadlineWorkingDays: number;
  /** Whether execution ends the student's 学籍, so 学籍注销 falls due (seed 003 第十二条: 15 working days). */
  deregisters: boolean;
  /** Fields the application carries as changes (new major and class, new grade, identity fields). */
  changes: readonly string[];
  /** A change that lasts a while (休学) asks for its 起止日期; `maxDays` when a school's rule bounds it. */
  period?: { maxDays?: number };
}

const stage = (key: string, zh: string, en: string, role: Role, college?: "student" | "target"): DecisionStage => ({
  key,
  name: { "zh-CN": zh, en },
  role,
  ...(college ? { college } : {}),
});
const COLLEGE = stage("college", "二级学院审核", "College review", "college-leader", "student");
const REGISTRAR = stage("registrar", "教务处学籍中心审核", "Registrar review", "registrar-staff");
const REGISTRAR_LEADER = stage("registrar-leader", "教务处分管领导审批", "Registrar leader approval", "registrar-leader");
const SCHOOL_LEADER = stage("school-leader", "分管校领导审批", "School leader approval", "school-leader");
/** A paper signature of an office without an account, recorded by the student's college secretary. */
export const signOffStage = (key: string, zh: string, en: string): DecisionStage => ({
  ...stage(key, zh, en, "secretary", "student"),
  signOff: true,
});
const reason = (code: string, zh: string, en: string, materials: readonly Material[] = []): Reason => ({
  code,
  name: { "zh-CN": zh, en },
  materials,
});
const ILLNESS = "10";
const MILITARY = "34";

/** 教务处处长 and 主管教学校领导: the signatures seed 000 四 names for certificate papers (“教务处签字（王处长）→主管教学白校长签字”). */
const REGISTRAR_HEAD = stage("registrar-head", "教务处处长签字", "Registrar head's signature", "registrar-leader");
const TEACHING_PRESIDENT = stage("school-leader", "主管教学校领导签字", "Vice-president's signature", "school-leader");

/**
 * The certificate papers: 结业换毕业 (seed 002 三.2 “补考成绩由教务处审核通过后，向学校领导递交结业证换毕业生申请”;
 * seed 003 第十四条 one 学历证书 per student, so the 结业证书 is replaced) and 学历（学位）勘误 (seed 000 八: a
 * mistake in a graduate's identity data made before graduation — the only change to it after 毕业).
 */
export const CERTIFICATE_WORKFLOWS = {
  "completion-to-graduation": {
    type: "completion-to-graduation",
    version: 1,
    name: { "zh-CN": "结业换毕业", en: "Completion certificate exchanged for graduation" },
    event: "completion-to-graduation",
    materials: ["application-form", "makeup-results"],
    reasons: [reason("makeup-passed", "补考（重修）合格，达到毕业条件", "Make-up exams passed; graduation conditions met")],
    stages: [REGISTRAR, REGISTRAR_HEAD, TEACHING_PRESIDENT],
    publicNoticeDays: 0,
    deadlineWorkingDays: 5,
    deregisters: false,
    changes: [],
  },
  "record-correction": {
    type: "record-correction",
    version: 1,
    name: { "zh-CN": "学历（学位）勘误", en: "Correction of a graduate's record" },
    event: null,
    // seed 000 八: the changed data must date from before graduation (户口本登记日期、办证日期系毕业前).
    materials: ["correction-form", "diploma-copy", "admission-summary", "household-book-before", "id-copy-before"],
    reasons: [reason("pre-graduation-error", "毕业前信息有误", "Wrong before graduation")],
    stages: [COLLEGE, REGISTRAR, REGISTRAR_HEAD],
    publicNoticeDays: 0,
    deadlineWorkingDays: 10,
    deregisters: false,
    changes: ["name", "idNumber", "gender", "birthDate", "ethnicity"],
  },
  // seed 000 四 “如有证件遗失，学生提交照片到学籍科填写申请表→财务处学费科交费 50 元→教务处签字（王处长）→主管教学白校长
  // 签字→校办盖公章及钢印”; seed 002 三.3 申请表、两寸蓝底照片（电子和纸质各一份）、身份证复印件 → 领取毕业证明书; seed 003
  // 第十七条 “学历证书遗失的由学校出具相应的证明书并在学历注册信息中标注”. 财务处 has no account: the fee is a sign-off.
  "certificate-replacement": {
    type: "certificate-replacement",
    version: 1,
    name: { "zh-CN": "补发毕业证明书", en: "Certificate of graduation for a lost certificate" },
    event: null,
    materials: ["application-form", "blue-photo", "student-id-copy", "fee-receipt"],
    reasons: [reason("lost", "学历证书遗失", "Certificate lost")],
    stages: [
      REGISTRAR,
      signOffStage("finance-office", "财务处学费科交费（50 元）", "Fee paid at the finance office (¥50)"),
      REGISTRAR_HEAD,
      TEACHING_PRESIDENT,
    ],
    publicNoticeDays: 0,
    deadlineWorkingDays: 5,
    deregisters: false,
    changes: [],
  },
} as const satisfies Record<string, Workflow>;

/** The fee seed 000 四 names for a 证明书 (学生服务大厅 7 号窗口). */
export const CERTIFICATE_REPLACEMENT_FEE_YUAN = 50;

export const DEFAULT_WORKFLOWS: Readonly<Record<ApplicationType, Workflow>> = {
  ...CERTIFICATE_WORKFLOWS,
  // seed 004: 休学 两周内; 申请表、本人和家长身份证复印件，因病需诊断证明，参军需入伍证明.
  suspension: {
    type: "suspension",
    version: 1,
    name: { "zh-CN": "休学", en: "Suspension" },
    event: "suspend",
    materials: ["application-form", "student-id-copy", "parent-id-copy"],
    reasons: [
      reason(ILLNESS, "疾病", "Illness", ["diagnosis"]),
      reason(MILITARY, "应征入伍", "Military service", ["enlistment"]),
      reason("24", "休学创业", "Starting a business"),
      reason("99", "其他", "Other"),
    ],
    stages: [COLLEGE, REGISTRAR_LEADER],
    publicNoticeDays: 0,
    deadlineWorkingDays: 10,
    deregisters: false,
    changes: [],
    // The 休学 notice states from when to when (seed 002: 领取休学异动单); the seeds set no maximum.
    period: {},
  },
  // seed 004: 复学 五天内; 因病休学须康复证明，参军须退役证明.
  resumption: {
    type: "resumption",
    version: 1,
    name: { "zh-CN": "复学", en: "Resumption" },
    event: "resume",
    materials: ["application-form"],
    reasons: [
      reason(ILLNESS, "病愈复学", "Recovered from illness", ["recovery"]),
      reason(MILITARY, "退役复学", "Back from military service", ["discharge"]),
      reason("99", "其他", "Other"),
    ],
    stages: [COLLEGE, REGISTRAR_LEADER],
    publicNoticeDays: 0,
    deadlineWorkingDays: 5,
    deregisters: false,
    changes: [],
  },
  // seed 004: 降级 五天内; 降级申请表、本人及家长身份证复印件.
  demotion: {
    type: "demotion",
    version: 1,
    name: { "zh-CN": "降级", en: "Voluntary demotion" },
    event: "demote",
    materials: ["application-form", "student-id-copy", "parent-id-copy"],
    reasons: [reason("99", "自愿降级", "Voluntary")],
    stages: [COLLEGE, REGISTRAR_LEADER],
    publicNoticeDays: 0,
    deadlineWorkingDays: 5,
    deregisters: false,
    changes: ["grade", "classId"],
  },
  // seed 004: 保留入学资格 当天; 完成单位 二级学院、招生就业工作处、教务处学籍中心. “因病保留入学资格需提供保留
  // 入学资格申请表、医院诊断证明、录取通知书和身份证复印件；参军保留入学资格需提交《应征入伍普通高等学校录取新生
  // 保留入学资格申请表》和录取通知书。” 招生就业处 has no account: a sign-off stage.
  "keep-admission": {
    type: "keep-admission",
    version: 1,
    name: { "zh-CN": "保留入学资格", en: "Deferred admission" },
    event: "keep-admission",
    materials: ["admission-letter"],
    reasons: [
      reason(ILLNESS, "疾病", "Illness", ["application-form", "diagnosis", "student-id-copy"]),
      reason(MILITARY, "应征入伍", "Military service", ["enlistment-keep-admission-form"]),
    ],
    stages: [COLLEGE, signOffStage("admissions-office", "招生就业工作处签署意见", "Admissions office signature"), REGISTRAR],
    publicNoticeDays: 0,
    deadlineWorkingDays: 0,
    deregisters: false,
    changes: [],
  },
  // seed 003 第四条 标注保留入学资格; seed 004 保留入学资格 “因病 … 参军 …”: the year after, the student comes back as
  // 录取 (恢复入学资格) through the same offices, with the proof that the reason has ended.
  "resume-admission": {
    type: "resume-admission",
    version: 1,
    name: { "zh-CN": "恢复入学资格", en: "Resuming deferred admission" },
    event: "resume-admission",
    materials: ["application-form", "admission-letter"],
    reasons: [
      reason(ILLNESS, "病愈入学", "Recovered from illness", ["recovery"]),
      reason(MILITARY, "退役入学", "Back from military service", ["discharge"]),
    ],
    stages: [COLLEGE, signOffStage("admissions-office", "招生就业工作处签署意见", "Admissions office signature"), REGISTRAR],
    publicNoticeDays: 0,
    deadlineWorkingDays: 5,
    deregisters: false,
    changes: [],
  },
  // seed 004: 放弃入学资格 当天; only before electronic registration (docs/domain.md §2).
  "give-up-admission": {
    type: "give-up-admission",
    version: 1,
    name: { "zh-CN": "放弃入学资格", en: "Giving up admission" },
    event: "give-up-admission",
    materials: ["application-form", "student-id-copy", "parent-id-copy"],
    reasons: [reason("99", "本人放弃", "Student's own decision")],
    stages: [COLLEGE, REGISTRAR_LEADER],
    publicNoticeDays: 0,
    deadlineWorkingDays: 0,
    // Before 电子注册 the student never had a 学籍: there is none to 注销 (seed 003 第十二条 counts from a 学籍处理).
    deregisters: false,
    changes: [],
  },
  // seed 004: 退学 一天 (its table says 自动退学 for a student who asks to leave); college meeting → 教务处 → 分管校领导.
  // seed 002 四: 自动退学 proper is a student absent without leave: “自动退学的审批，由学院（系）辅导员代为办理（因
  // 学生不到校、也不办理任何手续）”, no 肄业证明 — its own reason (正方 21) with the 辅导员's form and evidence.
  withdrawal: {
    type: "withdrawal",
    version: 1,
    name: { "zh-CN": "退学", en: "Withdrawal" },
    event: "withdraw",
    materials: [],
    reasons: [
      reason("39", "本人申请退学", "At the student's request", ["application-form", "student-id-copy", "parent-id-copy"]),
      reason("29", "自费出国退学", "Studying abroad", ["application-form", "student-id-copy", "parent-id-copy"]),
      reason("21", "自动退学（辅导员代办，不发肄业证明）", "Left without leave (counsellor files; no certificate of study)", [
        "auto-withdrawal-form",
        "counsellor-evidence",
      ]),
    ],
    stages: [COLLEGE, REGISTRAR_LEADER, SCHOOL_LEADER],
    publicNoticeDays: 0,
    deadlineWorkingDays: 1,
    deregisters: true,
    changes: [],
  },
  // seed 004 第三周: 退学处理申报表 + 佐证材料 → 教务处汇总 → 校长办公会 → 公示 → 发文 → 异动.
  dismissal: {
    type: "dismissal",
    version: 1,
    name: { "zh-CN": "退学处理", en: "Dismissal" },
    event: "withdraw",
    materials: ["dismissal-form", "evidence"],
    reasons: [
      // Codes of 正方 0022. A 申报表 row matching no keywords is filed under the last reason.
      { ...reason("31", "休学期满未办理复学", "Suspension expired"), keywords: ["休学期满", "未复学"] },
      {
        ...reason("22", "成绩太差（不合格学分达到退学条件）", "Failed credits"),
        keywords: ["学分", "不及格", "不合格", "成绩"],
        fromStandingRules: true,
      },
      reason("39", "未按时报到注册或旷课", "Not registered or absent"),
    ],
    // seed 004 二.8: 二级学院申报 → 教务处汇总 → “教务处分管领导审核签署意见” → “学校分管校领导审查签署意见”.
    stages: [COLLEGE, REGISTRAR, REGISTRAR_LEADER, SCHOOL_LEADER],
    publicNoticeDays: 5,
    deadlineWorkingDays: 15,
    deregisters: true,
    changes: [],
  },
  // seed 004 1月: 转出学院 → 转入学院 → 工作小组 by grades → 公示 → 发文 → 异动; seed 001 二 ends with
  // “由教务处负责人签署意见” before 发文: the registrar leader decides last.
  "change-major": {
    type: "change-major",
    version: 1,
    name: { "zh-CN": "转专业", en: "Change of major" },
    event: "change-major",
    materials: ["application-form", "ranking"],
    reasons: [reason("01", "兴趣与特长", "Interest and aptitude"), reason("99", "其他", "Other")],
    stages: [
      COLLEGE,
      stage("receiving", "转入学院审核", "Receiving college review", "college-leader", "target"),
      REGISTRAR,
      REGISTRAR_LEADER,
    ],
    publicNoticeDays: 5,
    deadlineWorkingDays: 20,
    deregisters: false,
    changes: ["majorId", "classId"],
  },
  // seed 004: 注销学籍（死亡） 一天.
  deregistration: {
    type: "deregistration",
    version: 1,
    name: { "zh-CN": "注销学籍", en: "Deregistration (death)" },
    event: "decease",
    materials: ["application-form", "death-certificate"],
    reasons: [reason("99", "学生死亡", "Death of the student")],
    stages: [COLLEGE, REGISTRAR],
    publicNoticeDays: 0,
    deadlineWorkingDays: 1,
    deregisters: true,
    changes: [],
  },
  // seed 000 五: 前 5 项 for a change of identity data, 6–7 when the gaokao registration was wrong;
  // effective only once the provincial authority approves on 学信网 (docs/domain.md §5).
  "identity-change": {
    type: "identity-change",
    version: 1,
    name: { "zh-CN": "学籍信息修改", en: "Change of identity data" },
    event: null,
    // seed 004 12: “学生本人填写个人信息修改申请表，并附户口所在地派出所证明” — the form as well.
    materials: ["identity-change-form", "police-conclusion", "household-certificate", "household-book-copy", "old-id-copy", "new-id-copy"],
    reasons: [
      reason("changed", "身份信息变更", "Identity data changed"),
      reason("gaokao-error", "高考报名时填错", "Wrong at gaokao registration", ["exam-authority-certificate", "exam-ticket-copy"]),
    ],
    stages: [COLLEGE, REGISTRAR_LEADER],
    publicNoticeDays: 0,
    deadlineWorkingDays: 10,
    deregisters: false,
    // 证件类型 says how the new number is read (港澳台 and foreign students' documents); the record keeps the number.
    changes: ["name", "idNumber", "documentType", "gender", "birthDate", "ethnicity"],
  },
  // seed 004 二.2 学生因成绩原因降级: 教务处学籍中心 统计形成初步处理意见 → 上报学校开会研究同意 → 公示 → 发文
  // → 学籍异动. A 留级 outcome of the standing rules (seed 000 九: 28–35 failed credits) is taken up as this.
  "academic-demotion": {
    type: "academic-demotion",
    version: 1,
    name: { "zh-CN": "降级（学业原因）", en: "Demotion for failed credits" },
    event: "repeat-year",
    materials: ["failed-course-sheet"],
    reasons: [reason("22", "学年累计不合格学分达到留级条件", "Failed credits of the year reach the repeat band")],
    stages: [REGISTRAR, SCHOOL_LEADER],
    publicNoticeDays: 5,
    deadlineWorkingDays: 15,
    deregisters: false,
    changes: ["grade", "classId"],
  },
  // seed 003 第四条 “复查不合格者取消入学资格”; the 复查 is 招生就业处's (seed 004 新生报到: 二级学院进行入学资格复查).
  "cancel-admission": {
    type: "cancel-admission",
    version: 1,
    name: { "zh-CN": "取消入学资格", en: "Cancelling admission" },
    event: "cancel-admission",
    materials: ["review-result"],
    reasons: [reason("99", "入学资格复查不合格", "Failed the admission review")],
    stages: [COLLEGE, signOffStage("admissions-office", "招生就业工作处复查意见", "Admissions office review"), REGISTRAR_LEADER],
    publicNoticeDays: 0,
    deadlineWorkingDays: 5,
    // 取消入学资格 comes before 电子注册: no 学籍 yet, so no 学籍注销 falls due.
    deregisters: false,
    changes: [],
  },
  // seed 003 第十条 学籍注销 “含退学、取消学籍、开除学籍、死亡等”; 开除学籍 is a 处分 (0018 code 6) the school decides.
  expulsion: {
    type: "expulsion",
    version: 1,
    name: { "zh-CN": "开除学籍", en: "Expulsion" },
    event: "expel",
    materials: ["discipline-decision", "evidence-general"],
    reasons: [reason("23", "触犯刑法", "Criminal offence"), reason("6", "违纪（开除学籍处分）", "Disciplinary expulsion")],
    stages: [COLLEGE, REGISTRAR, SCHOOL_LEADER],
    publicNoticeDays: 0,
    deadlineWorkingDays: 15,
    deregisters: true,
    changes: [],
  },
  // seed 003 第十条: 取消学籍 (e.g. admission obtained by fraud) ends the 学籍 like 开除学籍.
  "status-cancellation": {
    type: "status-cancellation",
    version: 1,
    name: { "zh-CN": "取消学籍", en: "Cancelling student status" },
    event: "cancel-status",
    materials: ["evidence-general"],
    reasons: [reason("99", "以不正当手段取得学籍等", "Status obtained improperly")],
    stages: [COLLEGE, REGISTRAR, SCHOOL_LEADER],
    publicNoticeDays: 0,
    deadlineWorkingDays: 15,
    deregisters: true,
    changes: [],
  },
};

/**
 * The materials an application of this type for this reason must carry. `endedReasonCode`: for a 复学,
 * the reason of the 休学 it ends — its materials are asked too, whatever reason the 复学 names (seed 004
 * 附件二: “因病办理休学学生还须提供医院康复证明，因参军办理休学的学生还须附退役证明”; 复学's reasons share
 * the 休学 reasons' codes).
 */
export function requiredMaterials(
  workflow: { materials: readonly Material[]; reasons: readonly { code: string; materials: readonly Material[] }[] },
  reasonCode: string,
  endedReasonCode?: string | null,
): Material[] {
  // The type's own (申请表, 身份证复印件 …) and the reason's (医院诊断证明 …): the dialog, the detail page and 报送 ask this one list.
  const reason = workflow.reasons.find((r) => r.code === reasonCode);
  const ended = endedReasonCode ? workflow.reasons.find((r) => r.code === endedReasonCode) : undefined;
  return [...new Set([...workflow.materials, ...(reason?.materials ?? []), ...(ended?.materials ?? [])])];
}

/** Working days from leaving the college to 学籍注销 after a decision that ends the 学籍 (seed 003 第十二条). */
export const DEREGISTRATION_WORKING_DAYS = 15;

/**
 * The 起止日期 an application of this workflow carries, checked: the first day not after the last, and
 * within `maxDays` when the workflow bounds it; both days present when `complete` is asked (at 报送 — a
 * draft may wait for them, as for its materials). Null when fine or when the workflow asks none.
 */
export type PeriodProblem =
  | { code: "application.period-required" }
  | { code: "application.period-order"; params: { from: string; to: string } }
  | { code: "application.period-too-long"; params: { days: number } };

export function checkPeriod(
  workflow: Pick<Workflow, "period">,
  from: string | null | undefined,
  to: string | null | undefined,
  complete = true,
): PeriodProblem | null {
  if (!workflow.period) return null;
  if (!from || !to) return complete ? { code: "application.period-required" } : null;
  if (from > to) return { code: "application.period-order", params: { from, to } };
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (workflow.period.maxDays !== undefined && days > workflow.period.maxDays)
    return { code: "application.period-too-long", params: { days: workflow.period.maxDays } };
  return null;
}
