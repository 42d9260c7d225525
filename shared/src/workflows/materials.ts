import type { Locale } from "../messages/locale";

/** Materials an application may need (seed 004 时间安排表; seed 000 五 for identity changes). */
export const MATERIALS = {
  "application-form": { "zh-CN": "申请表（签字同意）", en: "Signed application form" },
  "student-id-copy": { "zh-CN": "本人身份证复印件", en: "Copy of the student's ID card" },
  "parent-id-copy": { "zh-CN": "家长身份证复印件", en: "Copy of a parent's ID card" },
  diagnosis: { "zh-CN": "医院诊断证明", en: "Hospital diagnosis" },
  enlistment: { "zh-CN": "入伍证明（入伍通知书）", en: "Enlistment notice" },
  recovery: { "zh-CN": "医院康复证明", en: "Hospital certificate of recovery" },
  discharge: { "zh-CN": "退役证明", en: "Discharge certificate" },
  "admission-letter": { "zh-CN": "录取通知书", en: "Admission letter" },
  "death-certificate": { "zh-CN": "死亡证明", en: "Death certificate" },
  "dismissal-form": { "zh-CN": "退学处理申报表", en: "Dismissal form" },
  evidence: { "zh-CN": "达到退学条件的佐证材料", en: "Evidence of the grounds for dismissal" },
  ranking: { "zh-CN": "成绩排名证明", en: "Grade ranking" },
  "police-conclusion": { "zh-CN": "公民主项信息更改结论（公安局户籍科盖章）", en: "Police conclusion on the change of identity data" },
  "household-certificate": { "zh-CN": "户籍证明（公安局户籍科盖章）", en: "Household registration certificate" },
  "household-book-copy": { "zh-CN": "户口本复印件", en: "Copy of the household register" },
  "old-id-copy": { "zh-CN": "更改前身份证复印件", en: "Copy of the ID card before the change" },
  "new-id-copy": { "zh-CN": "更改后身份证复印件", en: "Copy of the ID card after the change" },
  "exam-authority-certificate": {
    "zh-CN": "原高考所在地考试院或高中学校证明（盖章）",
    en: "Certificate of the exam authority or high school",
  },
  "exam-ticket-copy": { "zh-CN": "高考准考证复印件", en: "Copy of the gaokao admission ticket" },
  // from seeds 002, 003 and 004
  "enlistment-keep-admission-form": {
    "zh-CN": "《应征入伍普通高等学校录取新生保留入学资格申请表》",
    en: "Enlisted new student's application to defer admission",
  },
  "auto-withdrawal-form": { "zh-CN": "《自动退学审批表》（辅导员代办）", en: "Automatic withdrawal form (filed by the counsellor)" },
  "counsellor-evidence": { "zh-CN": "辅导员出具的未到校、未办手续的证明材料", en: "Counsellor's evidence of absence" },
  "identity-change-form": { "zh-CN": "个人信息修改申请表", en: "Application to change personal data" },
  "failed-course-sheet": { "zh-CN": "学生签字确认的不及格课程信息核对表", en: "Failed-course check sheet signed by the student" },
  "review-result": { "zh-CN": "入学资格复查不合格的结论", en: "Result of the admission review" },
  "discipline-decision": { "zh-CN": "处分决定书", en: "Disciplinary decision" },
  "evidence-general": { "zh-CN": "事实材料与证据", en: "Statement of facts and evidence" },
  // certificate papers (seed 002 三.2; seed 000 八)
  "makeup-results": { "zh-CN": "教务处审核通过的补考（重修）成绩", en: "Make-up results checked by the registrar" },
  // seed 000 八: 学历（学位）勘误申请书，毕业证复印件，录简表（盖档案科红印），户口本原件（登记日期系毕业前），身份证正反面复印件（办证日期系毕业前）
  "correction-form": { "zh-CN": "学历（学位）勘误申请书", en: "Application to correct the record" },
  "diploma-copy": { "zh-CN": "毕业证复印件", en: "Copy of the graduation certificate" },
  "admission-summary": { "zh-CN": "录简表（盖档案科红印）", en: "Admission summary stamped by the archives" },
  "household-book-before": { "zh-CN": "户口本原件（登记日期在毕业前）", en: "Household register registered before graduation" },
  "id-copy-before": { "zh-CN": "身份证正反面复印件（办证日期在毕业前）", en: "ID card copy issued before graduation" },
  // seed 000 四 / seed 002 三.3: a lost certificate's 证明书
  "blue-photo": { "zh-CN": "二寸蓝底照片（电子版和纸质版各一份）", en: "Two-inch blue-background photo (print and file)" },
  "fee-receipt": { "zh-CN": "财务处交费凭据（50 元）", en: "Finance office receipt (¥50)" },
} as const satisfies Record<string, Record<Locale, string>>;

export type Material = keyof typeof MATERIALS;
