import type { Locale } from "./locale";

/**
 * Sentences the system says that are neither sheet issues nor errors: warnings at start and on
 * /api/health, texts of printed certificates and of the public verification page. Chinese first.
 */
export const noticeCatalogue = {
  // —— 日历：节假日数据（种子 004 附件二）——
  "calendar.holidays-missing": {
    "zh-CN":
      "{academicYear} 学年跨越的 {years} 年尚未录入法定节假日安排（国务院办公厅通知未发布或未录入）：按工作日计算的期限暂未计入该年的节假日和调休，届时可能顺延。请在“设置 → 节假日”中补充。",
    en: "The {academicYear} academic year runs into {years}, whose public holidays are not in the calendar (the State Council notice is not out or not entered): deadlines counted in working days ignore that year's holidays and make-up days and may move. Add them under Settings → Holidays.",
  },
  // —— 自动生成的学籍异动（种子 004 第三周；种子 000 九）：{stage} is the stage's name in the workflow in force ——
  "application.from-dismissal-list": {
    "zh-CN": "二级学院党政联席会研究，见退学处理申报表（{form}），报送{stage}",
    en: "Decided by the college's joint Party and administration meeting, see the dismissal list ({form}); sent to {stage}",
  },
  "application.standing-note": {
    "zh-CN": "{academicYear} 学年累计不合格 {credits} 学分（学籍处理初步意见 #{item}）",
    en: "{credits} failed credits in {academicYear} (standing outcome #{item})",
  },
  "application.from-standing": {
    "zh-CN": "由学籍处理初步意见 #{item}（{outcome}）生成，报送{stage}",
    en: "Opened from standing outcome #{item} ({outcome}); sent to {stage}",
  },
  // —— 在读证明、学历证明（种子 000 二–三）——
  "document.enrolment-title": { "zh-CN": "在读证明", en: "Certificate of enrolment" },
  "document.education-title": { "zh-CN": "学历证明", en: "Certificate of education" },
  "document.enrolment-body": {
    "zh-CN":
      "兹证明 {name}（学号 {studentNo}），{gender}，{college}{major}专业{level}{grade}级学生，学制 {duration} 年，现学籍状态为“{status}”。",
    en: "This is to certify that {name} (student number {studentNo}), {gender}, of the {college}, {major}, {level}, grade {grade}, normal duration {duration} years, has the student status “{status}”.",
  },
  "document.education-body": {
    "zh-CN":
      "兹证明 {name}（学号 {studentNo}），{gender}，于 {enrolmentDate} 入学，就读于{college}{major}专业{level}，学制 {duration} 年，学籍状态为“{status}”{graduation}。",
    en: "This is to certify that {name} (student number {studentNo}), {gender}, enrolled on {enrolmentDate} in the {college}, {major}, {level}, normal duration {duration} years; student status “{status}”{graduation}.",
  },
  // 补发毕业证明书 (seed 000 四; seed 002 三.3; seed 003 第十七条): the paper names the lost certificate it stands for.
  "document.replacement-title": { "zh-CN": "{kind}证明书", en: "Certificate of {kind}" },
  "document.replacement-body": {
    "zh-CN":
      "兹证明 {name}（学号 {studentNo}），{gender}，于 {enrolmentDate} 入学，在{college}{major}专业{level}学习，学制 {duration} 年，于 {issueDate} {kind}，原{kind}证书（编号 {certificateNo}）遗失，特补发此证明书，与原证书具有同等效力。",
    en: "This is to certify that {name} (student number {studentNo}), {gender}, enrolled on {enrolmentDate} in the {college}, {major}, {level}, normal duration {duration} years, and on {issueDate} was awarded {kind}. The original certificate (no. {certificateNo}) was lost; this certificate is issued in its place and has the same effect.",
  },
  "document.verify-hint": {
    "zh-CN": "核验：访问 {url} 可查看本证明的姓名、学籍状态和开具日期。",
    en: "Verify: {url} shows the name, the status and the date of this certificate.",
  },
  "verify.valid": { "zh-CN": "证明有效", en: "Valid certificate" },
  "verify.unknown": {
    "zh-CN": "未找到该核验码对应的证明，请核对后重试。",
    en: "No certificate has this verification code; check it and try again.",
  },
  "verify.rate-limited": { "zh-CN": "查询过于频繁，请稍后再试。", en: "Too many lookups; try again later." },
  // 补打: same number, a new code; the old paper's code says it was replaced (never valid again).
  "document.reprint-mark": { "zh-CN": "补打（第 {n} 次，{date}）", en: "Reprint (no. {n}, {date})" },
  "verify.certificate-replaced": {
    "zh-CN": "注意：本证明所列证书 {certificateNo} 已于 {date} 换发，原证书作废。",
    en: "Note: the certificate {certificateNo} named here was replaced on {date}; the old certificate is void.",
  },
  "verify.superseded": { "zh-CN": "该证明已补打，原件作废", en: "This certificate was reprinted; this copy is void" },
  "verify.superseded-detail": {
    "zh-CN": "该证明已于{date}补打，此核验码所在的纸本作废，以新证明为准；请向持有人索取补打后的证明并核验其上的新核验码。",
    en: "This certificate was reprinted on {date}; the copy carrying this code is void. Rely on the new copy and verify the new code printed on it.",
  },
} satisfies Record<string, Record<Locale, string>>;

export type NoticeCode = keyof typeof noticeCatalogue;

export function formatNotice(code: NoticeCode, params: Readonly<Record<string, string | number>> = {}, locale: Locale = "zh-CN"): string {
  return noticeCatalogue[code][locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}
