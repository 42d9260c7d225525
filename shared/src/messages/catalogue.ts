/**
 * Every issue code with its default severity and its message in Simplified Chinese (first)
 * and English. `{name}` is replaced by the issue's parameter of that name. A test checks
 * that both languages use the same parameters, so no message shows a raw `{placeholder}`.
 */
export type Severity = "error" | "warning" | "info";

interface Entry {
  severity: Severity;
  "zh-CN": string;
  en: string;
}

export const catalogue = {
  // —— 身份证号 (GB 11643-1999) ——
  "id.precision-lost": {
    severity: "error",
    "zh-CN":
      "身份证号被 {app} 存成了数字（显示为 {shown}），{app} 只保留 15 位有效数字，后几位已经丢失，无法还原。请把该列设为“文本”格式后重新录入。",
    en: "The ID number was stored by {app} as a number (shown as {shown}). {app} keeps only 15 significant digits, so the last digits are lost and cannot be recovered. Format the column as Text and type it again.",
  },
  "id.stored-as-number": {
    severity: "warning",
    "zh-CN": "身份证号以数字形式保存，再次编辑时可能丢失位数，建议将该列设为“文本”格式。",
    en: "The ID number is stored as a number and may lose digits when edited; format the column as Text.",
  },
  "id.normalised": {
    severity: "warning",
    "zh-CN": "身份证号含全角字符、空格或不可见字符，已规范为 {value}。",
    en: "The ID number contained full-width characters, spaces or invisible characters; normalised to {value}.",
  },
  "id.format": {
    severity: "error",
    "zh-CN": "身份证号“{value}”格式不正确：应为 18 位，前 17 位为数字，最后一位为数字或 X。",
    en: "ID number “{value}” is malformed: it must have 18 characters, 17 digits then a digit or X.",
  },
  "id.region": {
    severity: "error",
    "zh-CN": "身份证号前两位“{province}”不是有效的省级行政区划代码。",
    en: "The first two digits of the ID number, “{province}”, are not a valid province code.",
  },
  "id.birth-date": {
    severity: "error",
    "zh-CN": "身份证号中的出生日期“{digits}”不是有效日期。",
    en: "The birth date in the ID number, “{digits}”, is not a valid date.",
  },
  "id.checksum": {
    severity: "error",
    "zh-CN": "身份证号校验位错误：按前 17 位计算最后一位应为 {expected}，实际为 {actual}。请核对每一位数字。",
    en: "ID number check digit is wrong: from the first 17 digits it should be {expected}, but it is {actual}. Check every digit.",
  },
  "id.legacy-15": {
    severity: "warning",
    "zh-CN": "这是 15 位旧身份证号，请核对并改为 18 位新号码（按规则换算为 {value}）。",
    en: "This is a legacy 15-digit ID number; check it and use the 18-digit number (converted: {value}).",
  },
  "id.permit-hkmotw": {
    severity: "info",
    "zh-CN": "港澳台居民居住证号码（{region}）。",
    en: "Residence permit of a {region} resident.",
  },
  "id.foreign-permanent": {
    severity: "info",
    "zh-CN": "外国人永久居留身份证号码。",
    en: "Foreign permanent resident ID number.",
  },
  "id.passport": {
    severity: "info",
    "zh-CN": "证件为护照（号码 {value}），无法核对出生日期和性别。",
    en: "The document is a passport ({value}); birth date and gender cannot be checked against it.",
  },
  // 证件类型 other than 居民身份证 (学信网 registers 港澳台 and foreign students with the document they hold).
  "id.document-format": {
    severity: "error",
    "zh-CN": "{document}号码“{value}”格式不正确：应为{format}。",
    en: "“{value}” is not a valid number for a {document}: expected {format}.",
  },
  "id.document-unknown": {
    severity: "error",
    "zh-CN":
      "证件类型“{value}”不是学信网的证件类型：应为居民身份证、港澳居民来往内地通行证、台湾居民来往大陆通行证、港澳台居民居住证、外国人永久居留身份证或护照。",
    en: "“{value}” is not a 学信网 document type: expected 居民身份证, 港澳居民来往内地通行证, 台湾居民来往大陆通行证, 港澳台居民居住证, 外国人永久居留身份证 or 护照.",
  },
  "id.document-no-birth": {
    severity: "info",
    "zh-CN": "证件为{document}（号码 {value}），证件号不含出生日期和性别，不作核对。",
    en: "The document is a {document} ({value}); its number carries no birth date or sex, so they are not checked.",
  },
  // 民族 of a foreign national (学信网: 外国人 takes 其他; 98 外国血统中国籍人士 is for Chinese citizens).
  "cross.ethnicity-foreign": {
    severity: "warning",
    "zh-CN": "证件为{document}（外国籍），民族应填“其他”，不能填“{ethnicity}”。",
    en: "The document is a {document} (a foreign national): 民族 should be “其他” (other), not “{ethnicity}”.",
  },
  // A real birth date that cannot be a student's, and the 2023 permanent-residence card's region.
  "id.birth-future": {
    severity: "error",
    "zh-CN": "身份证号中的出生日期 {date} 晚于今天（{today}），号码有误。",
    en: "The birth date in the ID number, {date}, is after today ({today}); the number is wrong.",
  },
  "id.birth-out-of-range": {
    severity: "error",
    "zh-CN": "身份证号中的出生日期 {date} 是真实的日期，但早于 {min}，超出合理范围。",
    en: "The birth date in the ID number, {date}, is a real date but before {min}, outside the plausible range.",
  },
  "id.foreign-region": {
    severity: "error",
    "zh-CN": "外国人永久居留身份证号第 2–3 位“{province}”应为受理地的省级行政区划代码。",
    en: "Digits 2–3 of the foreign permanent resident ID, “{province}”, must be the province code of the issuing office.",
  },
  // —— 日期 ——
  "date.unrecognised": {
    severity: "error",
    "zh-CN": "无法识别的日期“{value}”。可用格式：2004-05-01、2004/5/1、2004.5.1、20040501、2004年5月1日。",
    en: "Unrecognised date “{value}”. Accepted: 2004-05-01, 2004/5/1, 2004.5.1, 20040501, 2004年5月1日.",
  },
  "date.invalid": {
    severity: "error",
    "zh-CN": "日期“{value}”不存在（没有 {year} 年 {month} 月 {day} 日）。",
    en: "Date “{value}” does not exist (there is no day {day} in month {month} of {year}).",
  },
  "date.out-of-range": {
    severity: "error",
    "zh-CN": "日期 {date} 超出合理范围（{min} 至 {max}）。",
    en: "Date {date} is outside the plausible range ({min} to {max}).",
  },
  // Ages are a setting (核对规则, default 12–80).
  "date.birth-future": {
    severity: "error",
    "zh-CN": "出生日期 {date} 晚于今天（{today}）。",
    en: "Birth date {date} is after today ({today}).",
  },
  "age.out-of-range": {
    severity: "error",
    "zh-CN": "按出生日期 {date} 计算年龄为 {age} 岁，不在学生年龄的合理范围（{min}–{max} 岁）内。",
    en: "Born {date}, the student would be {age}, outside the plausible student age range ({min}–{max}).",
  },
  // —— 姓名 ——
  "name.normalised": {
    severity: "warning",
    "zh-CN": "姓名含多余空格、不可见字符或不规范的间隔点，已规范为“{value}”。",
    en: "The name contained extra spaces, invisible characters or a non-standard middle dot; normalised to “{value}”.",
  },
  "name.has-digits": {
    severity: "error",
    "zh-CN": "姓名“{value}”中含有数字。",
    en: "The name “{value}” contains digits.",
  },
  // —— 学号、考生号、专业代码等编码 ——
  "code.precision-lost": {
    severity: "error",
    "zh-CN": "{label}被 {app} 存成了数字（显示为 {shown}），超过 15 位的部分已丢失。请把该列设为“文本”格式后重新录入。",
    en: "{label} was stored by {app} as a number (shown as {shown}); digits beyond the 15th are lost. Format the column as Text and type it again.",
  },
  "code.leading-zeros-lost": {
    severity: "error",
    "zh-CN": "{label}被 {app} 存成了数字，开头的 0 已丢失（{value} 应为 {length} 位），应为 {suggestion}。",
    en: "{label} was stored by {app} as a number and lost its leading zeros ({value} should have {length} characters); it should be {suggestion}.",
  },
  "code.normalised": {
    severity: "warning",
    "zh-CN": "{label}含全角字符、空格或不可见字符，已规范为 {value}。",
    en: "{label} contained full-width characters, spaces or invisible characters; normalised to {value}.",
  },
  "code.length": {
    severity: "error",
    "zh-CN": "{label}“{value}”应为 {length} 位，实际为 {actual} 位。",
    en: "{label} “{value}” should have {length} characters, it has {actual}.",
  },
  "code.characters": {
    severity: "error",
    "zh-CN": "{label}“{value}”含有不允许的字符。",
    en: "{label} “{value}” contains characters that are not allowed.",
  },
  // —— 代码表（性别、民族、政治面貌……）——
  "enum.alias": {
    severity: "info",
    "zh-CN": "{label}“{value}”按标准写法应为“{name}”（代码 {code}）。",
    en: "{label} “{value}” is written “{name}” in the standard (code {code}).",
  },
  "enum.unknown": {
    severity: "error",
    "zh-CN": "{label}“{value}”不在标准代码表中。",
    en: "{label} “{value}” is not in the standard code table.",
  },
  // A code typed as a number (what a numeric column leaves) is read by its code.
  "enum.numeric-code": {
    severity: "info",
    "zh-CN": "{label}填的是代码“{value}”，已按 {source} 识别为“{name}”（代码 {code}）；表中请写名称。",
    en: "{label} holds the code “{value}”, read by {source} as “{name}” (code {code}); write the name in the sheet.",
  },
  // —— 数值：学分、成绩、学制 ——
  "number.invalid": {
    severity: "error",
    "zh-CN": "{label}“{value}”不是有效的数字。",
    en: "{label} “{value}” is not a valid number.",
  },
  "number.out-of-range": {
    severity: "error",
    "zh-CN": "{label} {value} 超出允许范围（{min} 至 {max}）。",
    en: "{label} {value} is outside the allowed range ({min} to {max}).",
  },
  "credits.half-step": {
    severity: "error",
    "zh-CN": "学分 {value} 不是 0.5 的整数倍。",
    en: "Credits {value} is not a multiple of 0.5.",
  },
  "gpa.decimals": {
    severity: "error",
    "zh-CN": "平均学分绩点 {value} 超过两位小数，请填写教务系统给出的绩点（如 3.25）。",
    en: "GPA {value} has more than two decimals; enter the figure the academic system gives (e.g. 3.25).",
  },
  "score.unrecognised": {
    severity: "error",
    "zh-CN": "成绩“{value}”无法识别。可填 0–100 的分数、优秀/良好/中等/及格/不及格，或缺考、作弊、免修、缓考等。",
    en: "Score “{value}” is not recognised. Use 0–100, a grade (优秀 … 不及格), or 缺考, 作弊, 免修, 缓考.",
  },
  "term.unrecognised": {
    severity: "error",
    "zh-CN": "学期“{value}”无法识别。可用格式：2025-2026-1 或 2025-2026学年第一学期。",
    en: "Term “{value}” is not recognised. Use 2025-2026-1 or 2025-2026学年第一学期.",
  },
  "term.years": {
    severity: "error",
    "zh-CN": "学期“{value}”的学年起止年份应相差一年。",
    en: "The academic year in term “{value}” must span two consecutive years.",
  },
  "boolean.unrecognised": {
    severity: "error",
    "zh-CN": "{label}“{value}”无法识别，请填“是”或“否”。",
    en: "{label} “{value}” is not recognised; use 是 (yes) or 否 (no).",
  },
  // —— 通用 ——
  "field.required": {
    severity: "error",
    "zh-CN": "{label}不能为空。",
    en: "{label} is required.",
  },
  "field.error-value": {
    severity: "error",
    "zh-CN": "{label}单元格是错误值 {value}（可能是公式出错），请改为实际内容。",
    en: "{label} holds the error value {value} (probably a broken formula); enter the real value.",
  },
  "field.too-long": {
    severity: "error",
    "zh-CN": "{label}过长（{actual} 个字符，最多 {max} 个）。",
    en: "{label} is too long ({actual} characters, at most {max}).",
  },
  // Fields real sheets carry (联系电话 and 家庭住址 are personal data, masked like ID numbers).
  "phone.invalid": {
    severity: "error",
    "zh-CN": "联系电话“{value}”格式不正确：手机号为 11 位、以 13–19 开头；固定电话须带区号，如 010-12345678、0731-1234567。",
    en: "Phone number “{value}” is malformed: a mobile has 11 digits starting 13–19; a landline needs its area code, e.g. 010-12345678.",
  },
  "phone.normalised": {
    severity: "info",
    "zh-CN": "联系电话已规范为 {value}。",
    en: "Phone number normalised to {value}.",
  },
  "address.too-short": {
    severity: "warning",
    "zh-CN": "家庭住址“{value}”过短，请填写到街道（村）和门牌。",
    en: "Home address “{value}” is too short; give the street (village) and number.",
  },
  "grade.invalid": {
    severity: "error",
    "zh-CN": "年级“{value}”应为四位入学年份，如 2025 或 2025级。",
    en: "Grade “{value}” should be the four-digit year of entry, e.g. 2025 or 2025级.",
  },
  "grade.out-of-range": {
    severity: "error",
    "zh-CN": "年级 {year} 超出合理范围（{min}–{max}）。",
    en: "Grade {year} is outside the plausible range ({min}–{max}).",
  },
  // —— 行内交叉核对 ——
  "cross.birth-date": {
    severity: "error",
    "zh-CN": "出生日期 {birthDate} 与身份证号中的出生日期 {idBirthDate} 不一致。",
    en: "Birth date {birthDate} does not match the birth date in the ID number, {idBirthDate}.",
  },
  "cross.gender": {
    severity: "error",
    "zh-CN": "性别“{gender}”与身份证号第 17 位所示性别“{idGender}”不一致。",
    en: "Gender “{gender}” does not match the gender given by the 17th digit of the ID number, “{idGender}”.",
  },
  "row.duplicate": {
    severity: "error",
    "zh-CN": "{label}“{value}”与第 {firstRow} 行重复。",
    en: "{label} “{value}” repeats row {firstRow}.",
  },
  "score.passed": {
    severity: "warning",
    "zh-CN": "{examType}成绩 {value} 已及格，不应列在不及格课程表中（补考、重修及格会冲抵不及格学分）。",
    en: "The {examType} score {value} is a pass and does not belong on a failed-course sheet (a passed make-up or retake clears the failure).",
  },
  "confirmed.no": {
    severity: "warning",
    "zh-CN": "学生尚未确认本行信息。",
    en: "The student has not confirmed this row.",
  },
  // —— 与学籍库核对（服务器）——
  "record.unknown-student": {
    severity: "error",
    "zh-CN": "学号“{studentNo}”在学籍库中不存在，请核对学号。",
    en: "Student number “{studentNo}” is not in the record; check it.",
  },
  "record.identity-changed": {
    severity: "error",
    "zh-CN":
      "{label}与学籍库不一致（库中为“{recorded}”）。身份信息不能在核对表中直接修改，确需更改请走学籍信息修改流程（须提供公安机关证明）。",
    en: "{label} differs from the record (“{recorded}” on record). Identity fields cannot be changed on a check sheet; use the identity-change process (police certificate required).",
  },
  // seed 003 第十五条: the certificate is registered as the record holds it, so the graduates sheet must agree with it.
  "record.certificate-differs": {
    severity: "error",
    "zh-CN":
      "{label}与学籍库不一致（库中为“{recorded}”）。学历证书按学籍库信息制作；如学籍库有误，请先通过学籍异动（如转专业）或学籍信息修改流程更正。",
    en: "{label} differs from the record (“{recorded}” on record). The certificate is made from the record; if the record is wrong, correct it through a status change (such as a change of major) or the identity-change process first.",
  },
  "record.id-on-record": {
    severity: "info",
    "zh-CN": "学籍库中该生的身份证号为 {idNumber}，可据此更正。",
    en: "The record holds this student's ID number as {idNumber}; use it to correct the cell.",
  },
  "record.status-conflict": {
    severity: "error",
    "zh-CN": "该生学籍状态为“{status}”，不应出现在{sheet}中。",
    en: "This student's status is “{status}”; they do not belong on the {sheet}.",
  },
  // seed 003 第十一条: a student on 休学 is not registered for the year (学信网 registers only those who came).
  "record.suspended-not-registered": {
    severity: "error",
    "zh-CN": "休学学生不注册：该生学籍状态为“休学”，注册状态应填“休学”，不能填“{value}”。",
    en: "A suspended student is not registered: this student is on suspension, so the registration status must be “休学” (suspended), not “{value}”.",
  },
  // —— 整张表 ——
  "sheet.no-header": {
    severity: "error",
    "zh-CN": "在前 {rows} 行中没有找到表头（例如“学号”“姓名”“身份证号”所在的行），无法识别这张表。",
    en: "No header row (the row with 学号, 姓名, 身份证号 …) was found in the first {rows} rows.",
  },
  "sheet.missing-column": {
    severity: "error",
    "zh-CN": "{sheet}缺少必需的列“{header}”。",
    en: "The {sheet} is missing the required column “{header}”.",
  },
  "sheet.duplicate-column": {
    severity: "warning",
    "zh-CN": "列 {column}“{header}”与列 {firstColumn} 都对应“{label}”，只核对第一列。",
    en: "Column {column} “{header}” and column {firstColumn} both map to “{label}”; only the first is checked.",
  },
  "sheet.empty": {
    severity: "error",
    "zh-CN": "表头下面没有数据行。",
    en: "There are no data rows below the header.",
  },
  // 学信网's sheets end at their data: a totals or signature row under it (合计 … 48人, 填表人、审核人) is not a student.
  "sheet.data-ended": {
    severity: "info",
    "zh-CN": "数据到第 {last} 行结束：第 {row} 行“{text}”是合计或签字行，它和它下面的行不核对、不提交。",
    en: "The data ends on row {last}: row {row}, “{text}”, is a totals or signature row; it and the rows below are neither checked nor submitted.",
  },

  // —— 导入学籍 (importing the record from sheets, docs/domain.md §2) ——
  "import.missing-column": {
    severity: "error",
    "zh-CN": "文件缺少必需的列“{header}”。",
    en: "The file is missing the required column “{header}”.",
  },
  "import.student-no-other-id": {
    severity: "error",
    "zh-CN": "学号“{value}”在学籍中属于另一个身份证号的学生：不能用导入改变身份证号（身份信息变更须走学籍信息修改）。",
    en: "Student number “{value}” belongs to a student with another ID number in the record: an import cannot change an ID number (that is an identity change).",
  },
  // seed 003 第七条: “在同一学习时段，只能注册一个普通全日制学籍”.
  "import.live-status-held": {
    severity: "error",
    "zh-CN": "该身份证号已有普通全日制学籍（学号 {studentNo}，{status}）：同一学习时段只能注册一个学籍，不能再录取。",
    en: "This ID number already holds a full-time student status (student {studentNo}, {status}); one status at a time, so it cannot be admitted again.",
  },
  // seed 003 第五条: 预科 is registered as 预科.
  "import.preparatory-level": {
    severity: "error",
    "zh-CN": "按预科录取的新生注册为预科，不得直接注册为{level}。",
    en: "A student admitted to the preparatory year is registered as 预科, not directly as {level}.",
  },
  // 专业名称/层次/学习形式/学制 as registered with 学信网 (ZYMC, CC, XXXS, XZ).
  "import.registered-field-locked": {
    severity: "error",
    "zh-CN": "学籍已注册，{label}（{before} → {after}）不能由导入修改：请通过转专业等学籍异动办理。",
    en: "The student is registered: {label} ({before} → {after}) cannot be changed by an import; use a status change (change of major …).",
  },
  // seed 000 六.1: “毕业生所有信息在当年的四月底之后不再进行更改及补充”.
  "import.graduate-data-frozen": {
    severity: "error",
    "zh-CN": "应届毕业生信息自 {from} 起冻结，{label}不能再修改（须教务处分管领导为该生解除冻结）。",
    en: "The year's graduates' data is frozen from {from}: {label} can no longer change (the registrar leader must lift the freeze for this student).",
  },
  "import.id-other-student": {
    severity: "error",
    "zh-CN": "该身份证号在学籍中属于学号 {studentNo} 的学生。",
    en: "This ID number belongs to student {studentNo} in the record.",
  },
  "import.unknown-major": {
    severity: "error",
    "zh-CN": "专业“{value}”不在学籍的专业目录中，请先在组织机构中添加该专业。",
    en: "Major “{value}” is not in the record's list of majors; add it under the organisation first.",
  },
  "import.unknown-college": {
    severity: "error",
    "zh-CN": "学院“{value}”不在学籍中，请先在组织机构中添加该学院。",
    en: "College “{value}” is not in the record; add it under the organisation first.",
  },
  "import.major-other-college": {
    severity: "error",
    "zh-CN": "专业“{major}”属于{majorCollege}，文件写的学院是“{value}”。",
    en: "Major “{major}” belongs to {majorCollege}, but the file says college “{value}”.",
  },
  "import.college-change": {
    severity: "error",
    "zh-CN": "该生在学籍中属于{from}，文件把他放到{to}：跨学院变动是转专业，须办理学籍异动，导入不会改变。",
    en: "The record has this student in {from}; the file puts them in {to}. Moving college is a change of major, done as a status change, not by import.",
  },
  "import.status-unreachable": {
    severity: "error",
    "zh-CN": "该生学籍状态为“{from}”，不能直接变为“{to}”。",
    en: "The student's status is “{from}”; it cannot become “{to}” directly.",
  },
  "import.unknown-student": {
    severity: "error",
    "zh-CN": "学号“{value}”不在学籍中：成绩只能导入学籍中已有的学生。",
    en: "Student number “{value}” is not in the record: results can be imported only for students in it.",
  },
  "import.class-other-major": {
    severity: "error",
    "zh-CN": "班级“{value}”在学籍中属于另一个专业（{major}）。",
    en: "Class “{value}” belongs to another major in the record ({major}).",
  },
  "import.class-created": {
    severity: "info",
    "zh-CN": "班级“{value}”不在学籍中，确认导入时将在该专业下新建。",
    en: "Class “{value}” is not in the record; it will be created under the major when the import is confirmed.",
  },
  "import.no-student-no": {
    severity: "error",
    "zh-CN": "没有学号，也没有设置学号规则：请在文件中填写学号，或设置学号规则后再预览。",
    en: "No student number, and no numbering pattern set: fill in the number or set a pattern and preview again.",
  },
  "import.unknown-role": {
    severity: "error",
    "zh-CN": "角色“{value}”无法识别，应为：教学秘书、院领导、学籍中心、教务处领导、校领导、系统管理员之一。",
    en: "Role “{value}” is not known; use one of the roles of the system.",
  },
  "import.college-required": {
    severity: "error",
    "zh-CN": "学院角色必须填写学院。",
    en: "A college role needs a college.",
  },
  "import.username-format": {
    severity: "error",
    "zh-CN": "用户名“{value}”只能由字母、数字、点、下划线和连字符组成（2–64 位）。",
    en: "User name “{value}” may hold only letters, digits, dots, underscores and hyphens (2–64).",
  },
} satisfies Record<string, Entry>;

export type IssueCode = keyof typeof catalogue;
