import { PASSWORD_PROBLEM_TEXT, type PasswordProblem } from "../auth/password-policy";
import { ROLE_LABELS, type Role } from "../auth/roles";
import { AUDIT_REASON_LABELS, AUDIT_STAGE_LABELS, type AuditReason, type AuditStage } from "../rules/graduation-audit";
import { type ApplicationType, DEFAULT_WORKFLOWS } from "../workflows/application-types";
import { MATERIALS, type Material } from "../workflows/materials";
import { stageLabel } from "../workflows/stages";
import { catalogue, type IssueCode } from "./catalogue";
import { formatMessage } from "./format";
import { formatInputProblem, isInputProblem } from "./input-problems";
import { type Locale, messageDay } from "./locale";
import { WORKBOOK_FEATURES, type WorkbookFeature } from "./workbook-features";

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
  // What the library said (a zip or XML parser's English) goes to the log, never here: the
  // secretary gets what she can do about it.
  "file.corrupt": {
    "zh-CN": "无法读取“{file}”：文件已损坏，或不是真正的 Excel 工作簿（例如只改了扩展名）。请在 Excel 中打开它，另存为 .xlsx 后重试。",
    en: "Cannot read “{file}”: the file is damaged or not a real Excel workbook (perhaps only its extension was changed). Open it in Excel, save it as .xlsx and try again.",
  },
  "file.corrupt-sheet": {
    "zh-CN": "无法读取“{file}”中的工作表“{sheet}”：这张工作表的内容已损坏。请在 Excel 中打开它，另存为 .xlsx 后重试。",
    en: "Cannot read worksheet “{sheet}” of “{file}”: its content is damaged. Open the file in Excel, save it as .xlsx and try again.",
  },
  "file.no-sheet": { "zh-CN": "“{file}”中没有工作表。", en: "“{file}” has no worksheet." },
  // Bounds on what the reader does with a file: each refusal names its cause.
  "file.is-directory": {
    "zh-CN": "“{file}”是一个文件夹，不是文件。请指定文件夹里的某个 .xlsx 或 .csv 文件。",
    en: "“{file}” is a folder, not a file. Name one .xlsx or .csv file inside it.",
  },
  "file.no-permission": {
    "zh-CN": "没有读取“{file}”的权限。请检查文件权限，或先把文件复制到自己的文件夹。",
    en: "No permission to read “{file}”. Check its permissions, or copy it to a folder of your own first.",
  },
  "file.not-regular": {
    "zh-CN": "“{file}”不是普通文件（而是设备、管道或套接字），无法作为核对表读取。请先把内容保存为 .xlsx 或 .csv 文件。",
    en: "“{file}” is not a regular file (it is a device, pipe or socket) and cannot be read as a sheet. Save its content as an .xlsx or .csv file first.",
  },
  "file.part-too-large": {
    "zh-CN": "“{file}”中的部件“{part}”解压后超过 {limit} MB，远超任何核对表的大小，已拒绝读取（可能是“压缩炸弹”）。",
    en: "Part “{part}” of “{file}” is larger than {limit} MB uncompressed, far beyond any check sheet; refused (possibly a zip bomb).",
  },
  "file.zip-size-mismatch": {
    "zh-CN": "“{file}”中的部件“{part}”解压后的实际大小与文件声明的大小（{declared} 字节）不符，文件已损坏或被改造过，已拒绝读取。",
    en: "Part “{part}” of “{file}” does not match its declared size ({declared} bytes) when uncompressed; the file is damaged or crafted and was refused.",
  },
  "file.too-many-entries": {
    "zh-CN": "“{file}”中的部件超过 {limit} 个，不是正常的 Excel 工作簿，已拒绝读取。",
    en: "“{file}” holds more than {limit} parts; it is not a normal Excel workbook and was refused.",
  },
  "file.xml-doctype": {
    "zh-CN":
      "“{file}”中的部件“{part}”含有 DOCTYPE（实体定义）。Excel 保存的文件不会有它，这是 XXE 或“十亿笑声”一类的攻击手法，已拒绝读取，没有展开任何实体。",
    en: "Part “{part}” of “{file}” contains a DOCTYPE (entity definitions). Excel never writes one; it is how XXE and billion-laughs attacks work. Refused without expanding anything.",
  },
  "file.xml-text-too-long": {
    "zh-CN": "“{file}”中的部件“{part}”有一段超过 {limit} 个字符的连续文本，超出 Excel 单元格的上限，已拒绝读取。",
    en: "Part “{part}” of “{file}” has a run of text longer than {limit} characters, beyond what an Excel cell can hold; refused.",
  },
  "file.cell-too-long": {
    "zh-CN": "工作表“{sheet}”第 {row} 行有一个单元格超过 {limit} 个字符（Excel 单元格的上限），已拒绝读取。",
    en: "Worksheet “{sheet}” row {row} has a cell longer than {limit} characters (Excel's limit for a cell); refused.",
  },
  "file.too-many-columns": {
    "zh-CN": "工作表“{sheet}”第 {row} 行超过 {limit} 列（Excel 最多到 XFD 列），已拒绝读取。请删除多余的列后重试。",
    en: "Worksheet “{sheet}” row {row} has more than {limit} columns (Excel stops at column XFD); refused. Delete the extra columns and try again.",
  },
  "file.too-many-rows": {
    "zh-CN": "工作表“{sheet}”超过 {limit} 行（Excel 的上限），已拒绝读取。",
    en: "Worksheet “{sheet}” has more than {limit} rows (Excel's limit); refused.",
  },
  "file.row-too-long": {
    "zh-CN": "CSV 文件“{file}”第 {row} 行超过 {limit} 个字符，不是正常的表格行（可能缺少换行或引号未闭合），已拒绝读取。",
    en: "Line {row} of the CSV file “{file}” is longer than {limit} characters; it is not a normal table row (a missing line break or an unclosed quote?). Refused.",
  },
  "file.csv-quote-not-closed": {
    "zh-CN": "CSV 文件“{file}”第 {row} 行的引号未闭合，直到文件末尾。请在 Excel 中打开它，另存为 CSV 后重试。",
    en: "Line {row} of the CSV file “{file}” opens a quote that is never closed. Open the file in Excel, save it as CSV again and try again.",
  },
  "file.utf16": {
    "zh-CN":
      "文件是 UTF-16 编码（{variant}），无法按 CSV 读取。请另存为 UTF-8 或 GB18030 编码的 CSV（Excel：另存为“CSV UTF-8（逗号分隔）”）。",
    en: "The file is UTF-16 encoded ({variant}) and cannot be read as CSV. Save it as UTF-8 or GB18030 CSV (Excel: Save As “CSV UTF-8 (Comma delimited)”).",
  },
  "auth.invalid-credentials": {
    "zh-CN": "用户名或密码不正确。还可尝试 {remaining} 次，之后须等待 {minutes} 分钟。",
    en: "Wrong user name or password. {remaining} attempts left before a {minutes}-minute wait.",
  },
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
  "input.invalid": { "zh-CN": "提交的数据不符合要求：{problem}。", en: "The request is not valid: {problem}." },
  "sheet.unreadable": {
    "zh-CN": "无法识别这张核对表：{issue}",
    en: "This check sheet cannot be read: {issue}",
  },
  "sheet.too-many-rows": {
    "zh-CN": "“{sheet}”有 {rows} 行，超过一次提交的上限 {limit} 行。请把它分成几个文件（例如按专业或班级）分别提交。",
    en: "“{sheet}” has {rows} rows, more than one submission takes ({limit}). Split it into several files (by major or class, for example) and submit each.",
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
  "sheet.client-id-reused": {
    "zh-CN": "提交编号“{clientId}”已用于另一份内容不同的核对表（第 {version} 版），这次没有保存。请用新的提交编号重新提交。",
    en: "Client id “{clientId}” was already used for a different sheet (version {version}); nothing was stored. Submit again with a new client id.",
  },
  "term.unknown": { "zh-CN": "学期“{term}”不存在。", en: "Term “{term}” does not exist." },
  "college.unknown": { "zh-CN": "学院不存在。", en: "College not found." },
  // seed 000 六.1: “毕业生所有信息在当年的四月底之后不再进行更改及补充”.
  "student.graduate-data-frozen": {
    "zh-CN":
      "应届毕业生信息自 {from} 起冻结（此后不再更改及补充），不能再修改身份信息和证书信息；如确需修改，须教务处分管领导为该生解除冻结。",
    en: "The year's graduates' data is frozen from {from} (no changes after the end of April): identity and certificate data can no longer change unless the registrar leader lifts the freeze for this student.",
  },
  "student.not-frozen": {
    "zh-CN": "该生的信息没有冻结（冻结只适用于本学年应届毕业生，自 {from} 起）。",
    en: "This student's data is not frozen (the freeze holds for this year's graduates, from {from}).",
  },
  "student.freeze-already-lifted": { "zh-CN": "本学年已为该生解除冻结。", en: "The freeze is already lifted for this student this year." },
  "student.freeze-reason-required": { "zh-CN": "解除冻结必须说明理由。", en: "Lifting the freeze needs a reason." },
  "student.unknown": { "zh-CN": "学号“{studentNo}”在学籍库中不存在。", en: "Student “{studentNo}” is not in the record." },
  "application.not-found": { "zh-CN": "找不到这份学籍异动申请。", en: "Application not found." },
  "application.unknown-reason": { "zh-CN": "“{type}”没有原因“{reason}”。", en: "“{type}” has no reason “{reason}”." },
  "application.materials-missing": {
    "zh-CN": "材料不齐，还缺：{materials}。材料齐全后才能报送。",
    en: "Materials missing: {materials}. The application cannot leave the college until they are complete.",
  },
  "application.changes-invalid": { "zh-CN": "申请的变更内容有误：{problem}。", en: "The requested changes are not valid: {problem}." },
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
  // seed 000 四 / seed 003 第十七条: a 证明书 stands for a 学历证书 the school issued.
  "application.no-certificate": {
    "zh-CN": "学号 {studentNo} 没有在用的毕业（结业）证书，不能补发证明书：证明书只为已颁发学历证书且证书遗失的毕（结）业生补发。",
    en: "Student {studentNo} holds no certificate in force: a certificate of graduation replaces only a 学历证书 the school issued and the graduate lost.",
  },
  "application.transition-refused": {
    "zh-CN": "该生学籍状态为“{status}”，不能办理“{type}”。",
    en: "The student's status is “{status}”; “{type}” cannot be processed.",
  },
  // A change of identity data after the 学籍 has ended (seed 000 五, 八): only a graduate's 学历勘误 may follow.
  "application.identity-closed": {
    "zh-CN":
      "该生学籍状态为“{status}”，学籍已终止，不能再修改姓名、身份证号等学籍信息。已毕业学生在毕业前已更改的身份信息，请走学历（学位）勘误。",
    en: "The student's status is “{status}”: the record is closed, and identity data (name, ID number …) can no longer be changed. For a graduate whose identity changed before graduating, file a record correction (学历（学位）勘误).",
  },
  "application.correction-graduates-only": {
    "zh-CN": "学历（学位）勘误只适用于已毕业学生；该生学籍状态为“{status}”，请走学籍信息修改。",
    en: "A record correction (学历（学位）勘误) is for graduates only; the student's status is “{status}”: file a change of identity data instead.",
  },
  // seed 004 附件二 备注: 自愿降级/退学 “适用于按学籍管理相关规定未达降级（退学）条件而自愿申请”.
  "application.repeat-pending": {
    "zh-CN":
      "该生学年累计不合格学分已达到留级条件（有待处理的学籍处理初步意见），应按“降级（学业原因）”办理；自愿降级只适用于未达降级条件的学生。",
    en: "The student's failed credits of the year reach the repeat band (a pending standing-rules item): take it up as a demotion for failed credits. Voluntary demotion is only for students who have not met the conditions.",
  },
  "application.dismissal-pending": {
    "zh-CN": "该生已达到退学条件（有待处理的学籍处理初步意见），应按“退学处理”办理；自愿退学只适用于未达退学条件的学生。",
    en: "The student has met the conditions for dismissal (a pending standing-rules item): take it up as a dismissal. Voluntary withdrawal is only for students who have not met them.",
  },
  "graduation.not-found": { "zh-CN": "找不到这条毕业审核记录。", en: "Audit not found." },
  "graduation.reason-required": { "zh-CN": "改变审核结论必须说明理由。", en: "Overriding an audit outcome needs a reason." },
  "graduation.last-stage": {
    "zh-CN": "毕业审核已在最后环节“{stage}”，不能再推进。",
    en: "The graduation audit is at its last stage, “{stage}”; it cannot move on.",
  },
  "pending.not-found": { "zh-CN": "找不到这条学籍处理意见。", en: "Pending item not found." },
  "view.not-found": { "zh-CN": "找不到这个已保存的视图，或它不是您的。", en: "Saved view not found, or it is not yours." },
  "view.too-many": {
    "zh-CN": "每人在一个列表上最多保存 {limit} 个视图：请先删除不再用的视图。",
    en: "You can keep at most {limit} views of one list: delete one you no longer use first.",
  },
  "view.too-many-shared": {
    "zh-CN": "这个列表已有 {limit} 个共享视图，不能再共享更多：请改为仅自己可见，或请同事删除旧的共享视图。",
    en: "This list already has {limit} shared views: keep this one private, or ask colleagues to delete old shared views.",
  },
  "pending.already-lifted": { "zh-CN": "这条学业警示已经解除。", en: "This academic warning was already lifted." },
  // —— 学籍异动：线下签字环节、留级转降级 ——
  "application.sign-off-required": {
    "zh-CN": "“{stage}”是线下签字环节：请由学院教学秘书登记签字人和签字日期（可附扫描件）。",
    en: "“{stage}” is a signature on paper: the college secretary records who signed and when (a scan may be attached).",
  },
  "application.not-a-sign-off": {
    "zh-CN": "“{stage}”不是线下签字环节，应由审批人在系统中审批。",
    en: "“{stage}” is not a signature on paper; its approver decides it in the system.",
  },
  "application.scan-invalid": {
    "zh-CN": "扫描件须为 JPG、PNG 或 PDF 文件，且不超过 {mb} MB。",
    en: "The scan must be a JPG, PNG or PDF file of at most {mb} MB.",
  },
  // 图像采集 (seed 000 六.2, 四): the photo 学信网 registers with the certificate.
  "photo.invalid": {
    "zh-CN": "照片不符合学信网要求：{problems}。请提供 480×640 像素、1–100 KB 的蓝底 JPG 照片。",
    en: "The photo does not meet 学信网's requirements: {problems}. Provide a blue-background JPG of 480×640 pixels and 1–100 KB.",
  },
  "photo.zip-invalid": {
    "zh-CN": "“{file}”不是可读取的 zip 压缩包。请把照片文件夹压缩为 .zip 后重试。",
    en: "“{file}” is not a readable zip archive. Compress the photo folder as a .zip and try again.",
  },
  "photo.zip-too-large": {
    "zh-CN": "压缩包超过 {mb} MB，请分批导入（每批不超过 {entries} 张照片）。",
    en: "The archive is over {mb} MB; import it in batches (at most {entries} photos each).",
  },
  "photo.zip-too-many": {
    "zh-CN": "压缩包中有 {count} 个文件，超过每批 {limit} 个的上限，请分批导入。",
    en: "The archive holds {count} files, more than the {limit} a batch may hold; import it in batches.",
  },
  "pending.wrong-kind": {
    "zh-CN": "这条学籍处理意见不能转为“{type}”申请。",
    en: "This pending item cannot be taken up as “{type}”.",
  },
  // —— 学年注册（种子 003 第十–十二条）——
  "registration.not-returning": {
    "zh-CN": "学号“{studentNo}”是 {academicYear} 学年的新生：学年注册只适用于老生，新生办理新生学籍电子注册。",
    en: "Student “{studentNo}” is a new student of {academicYear}: annual registration is for returning students; new students get electronic registration.",
  },
  "registration.wrong-status": {
    "zh-CN": "学号“{studentNo}”的学籍状态为“{status}”，不能办理学年注册。",
    en: "Student “{studentNo}” has the status “{status}”; annual registration is not possible.",
  },
  "registration.late-limit-passed": {
    "zh-CN": "补注册须在学年电子注册期限（开学后 {months} 个月内）内办理：期限已于 {date} 届满，不能再补注册。",
    en: "Late registration must be done within the annual registration limit ({months} month(s) after the start of term): the limit passed on {date}.",
  },
  "registration.reason-required": {
    "zh-CN": "暂缓注册须写明原因（如未按规定缴纳学费）。",
    en: "Deferred registration needs a reason (e.g. fees not paid).",
  },
  // —— 在读证明、学历证明（种子 000 二–三）——
  "document.not-eligible": {
    "zh-CN": "学号“{studentNo}”的学籍状态为“{status}”，不能开具{kind}。",
    en: "Student “{studentNo}” has the status “{status}”; a {kind} cannot be issued.",
  },
  "document.not-found": { "zh-CN": "找不到这份证明。", en: "Certificate not found." },
  "document.public-url-missing": {
    "zh-CN": "服务器未配置公开访问地址（XUEJI_PUBLIC_URL），不能出具带验证地址的证明。请联系系统管理员配置后再开具。",
    en: "The server has no public address configured (XUEJI_PUBLIC_URL), so a certificate with a verification address cannot be issued. Ask the administrator to configure it.",
  },
  // —— 毕业审核：执行、结业换毕业、证书 ——
  "graduation.certificate-school-missing": {
    "zh-CN": "学历证书信息不完整：请先在“毕业与学位审核规则”中填写{fields}。",
    en: "The certificate data is incomplete: fill in {fields} in the graduation-audit rules first.",
  },
  "graduation.not-approved": {
    "zh-CN": "该学院名单尚未经学位委员会通过（未到“证书制作”环节），不能执行毕业审核结论。",
    en: "The college's list has not passed the degree committee (stage Certificates); it cannot be executed yet.",
  },
  "graduation.not-completed": {
    "zh-CN": "学号“{studentNo}”不是结业状态，不能办理结业换毕业。",
    en: "Student “{studentNo}” is not 结业 (completed); no change to graduation is possible.",
  },
  "graduation.still-not-eligible": {
    "zh-CN": "学号“{studentNo}”重新审核仍不符合毕业条件：{reasons}。",
    en: "Student “{studentNo}” still does not meet the graduation conditions: {reasons}.",
  },
  "graduation.no-degree-for-level": {
    "zh-CN": "专科、预科学生不授予学士学位，不能改为“授予学位”。",
    en: "No bachelor's degree is awarded at this level (专科/预科); the degree cannot be set to awarded.",
  },
  "graduation.committee-required": {
    "zh-CN": "学位委员会的决定须登记会议日期和会议编号（据会议纪要）。",
    en: "Record the degree committee's decision with its meeting date and number (from the minutes).",
  },
  "graduation.supplement-not-eligible": {
    "zh-CN": "学号“{studentNo}”不能补授学位：{reasons}。",
    en: "Student “{studentNo}” cannot be awarded the degree later: {reasons}.",
  },
  // The request id is appended over HTTP; the administrator finds the stack under it in the log.
  internal: {
    "zh-CN": "处理时发生意外错误。请把这条信息（连同请求编号）告诉系统管理员。",
    en: "An unexpected error occurred. Please tell the system administrator, quoting the request id.",
  },
  "cli.internal": {
    "zh-CN": "命令执行时发生意外错误。请设置环境变量 XUEJI_DEBUG=1 后重新运行，把显示的技术细节告诉系统管理员。",
    en: "The command failed unexpectedly. Run it again with XUEJI_DEBUG=1 set and give the technical details shown to the system administrator.",
  },
  /** `detail` is written in the reader's language by the caller (`usage(locale, zh, en)`), never a library's text. */
  "cli.usage": { "zh-CN": "用法错误：{detail}", en: "Usage error: {detail}" },
  "cli.unknown-option": {
    "zh-CN": "用法错误：没有选项“{option}”。运行 xueji --help 查看可用的选项。",
    en: "Usage error: there is no option “{option}”. Run xueji --help to see the options.",
  },
  "cli.option-value": {
    "zh-CN": "用法错误：选项“{option}”的写法不对（该选项需要一个取值，或不接受取值）。运行 xueji --help 查看用法。",
    en: "Usage error: option “{option}” is not used correctly (it needs a value, or takes none). Run xueji --help for usage.",
  },
  "cli.bad-url": {
    "zh-CN": "用法错误：--url “{url}”不是有效的服务器地址，须写作 https://主机名[:端口]（不带路径）。",
    en: "Usage error: --url “{url}” is not a valid server address; write https://host[:port] (no path).",
  },
  "cli.cannot-write": {
    "zh-CN": "无法写入文件“{path}”：{reason}。请换一个位置（用一个已有且可写的文件夹），或检查该文件是否正被其他程序打开。",
    en: "Cannot write the file “{path}”: {reason}. Choose another place (a folder that exists and can be written to), or check whether another program has the file open.",
  },
  "cli.unknown-lang": {
    "zh-CN": "用法错误：不支持语言“{lang}”（--lang 或 XUEJI_LANG），可选：{langs}。",
    en: "Usage error: language “{lang}” is not supported (--lang or XUEJI_LANG); choose one of: {langs}.",
  },
  "cli.unknown-kind": {
    "zh-CN": "未知的核对表类型“{kind}”。可选：{kinds}。",
    en: "Unknown sheet kind “{kind}”. Choose one of: {kinds}.",
  },
  "cli.unreachable": {
    "zh-CN": "无法连接学籍服务器 {url}（{reason}）。请确认服务已启动（pnpm start），或用 --server / XUEJI_SERVER 指定地址。",
    en: "Cannot reach the Xueji server at {url} ({reason}). Is it running (pnpm start)? Or give the address with --server / XUEJI_SERVER.",
  },
  // 一键修正 in file mode writes a copy of the secretary's workbook: refused rather than losing part of it.
  "file.copy-would-lose": {
    "zh-CN":
      "“{file}”含有{features}，修正后的副本无法保留，因此没有生成。请按检查结果在 WPS 表格或 Excel 中直接修改原文件，或把这些内容移到另一个文件后再一键修正。",
    en: "“{file}” holds {features}, which a corrected copy cannot keep, so none was made. Fix the problems listed in the original file in WPS or Excel, or move those items to another file and try again.",
  },
  "file.copy-too-large": {
    "zh-CN": "“{file}”解压后超过 {limit} MB，无法生成副本。请按检查结果在原文件中修改。",
    en: "“{file}” is larger than {limit} MB uncompressed; no copy can be made. Fix the problems listed in the original file.",
  },

  // The file routes' bounds (docs/operations.md "File work"): refused in the secretary's words, never a hung server.
  "file.too-heavy": {
    "zh-CN":
      "“{file}”太大或太复杂，服务器无法在限定的内存和时间内处理，已停止。请删去与核对无关的工作表和空白区域的格式，或把它分成几个文件后重试。",
    en: "“{file}” is too large or too complex to process within the server's memory and time limits; stopped. Delete the worksheets and formatted empty areas the check does not need, or split it into several files, and try again.",
  },
  "file.too-many-cells": {
    "zh-CN":
      "“{file}”有 {cells} 个以上的单元格，超过服务器一次能处理的 {limit} 个。请删去与核对无关的工作表和空白区域的格式，或把它分成几个文件（例如按专业或班级）。",
    en: "“{file}” has more than {cells} cells, beyond the {limit} the server handles at once. Delete the worksheets and formatted empty areas the check does not need, or split it into several files (by major or class, for example).",
  },
  "file.rows-over-limit": {
    "zh-CN": "工作表“{sheet}”超过 {limit} 行，超过一次检查和提交的上限。请把它分成几个文件（例如按专业或班级）分别检查。",
    en: "Worksheet “{sheet}” has more than {limit} rows, more than one check or submission takes. Split it into several files (by major or class, for example) and check each.",
  },
  "request.unknown-procedure": {
    "zh-CN": "服务器没有这项操作。请刷新页面（或重新打开加载项）后再试；仍不行请联系管理员。",
    en: "The server has no such operation. Reload the page (or reopen the add-in) and try again; if it persists, contact the administrator.",
  },
  "request.busy": {
    "zh-CN": "您的上一个文件还在处理中，请等它完成后再试。",
    en: "Your previous file is still being processed; wait for it to finish and try again.",
  },
  // —— 学籍异动：草稿的修改、撤回、删除，休学起止日期，材料扫描件 ——
  "application.not-filer": {
    "zh-CN": "只有提交这份申请的人才能修改、撤回或删除它。",
    en: "Only the person who filed this application may edit, withdraw or delete it.",
  },
  "application.not-withdrawable": {
    "zh-CN": "这份申请已在“{stage}”环节有人处理过，不能再撤回；如需更正，请联系该环节的审批人退回。",
    en: "Someone has already acted on this application at “{stage}”; it can no longer be withdrawn. Ask that stage's approver to return it.",
  },
  "application.period-required": {
    "zh-CN": "请填写起止日期（开始日期和结束日期）。",
    en: "Enter the period (its first and last day).",
  },
  "application.period-order": {
    "zh-CN": "开始日期 {from} 晚于结束日期 {to}，请更正。",
    en: "The first day {from} is after the last day {to}.",
  },
  "application.period-too-long": {
    "zh-CN": "起止日期超过了规定的 {days} 天上限。",
    en: "The period is longer than the {days} days allowed.",
  },
  "application.scan-not-found": { "zh-CN": "找不到这份扫描件。", en: "Scan not found." },
  "application.scan-material": {
    "zh-CN": "这类申请不需要“{materials}”，无法上传其扫描件。",
    en: "This application does not take “{materials}”; its scan cannot be uploaded.",
  },
  // —— the organisation and the calendar (学校、学院、专业、班级、学期) ——
  "org.required": { "zh-CN": "请填写{field}。", en: "{field} is required." },
  "org.school-code": {
    "zh-CN": "学校代码须为 5 位数字（国标学校代码），“{value}”不是。",
    en: "The school code must be 5 digits; “{value}” is not.",
  },
  "org.duplicate-code": {
    "zh-CN": "{entity}代码“{value}”已被“{other}”使用。",
    en: "{entity} code “{value}” is already used by “{other}”.",
  },
  "org.duplicate-name": { "zh-CN": "{entity}名称“{value}”已存在。", en: "{entity} name “{value}” already exists." },
  "org.unknown-college": {
    "zh-CN": "没有代码或名称为“{value}”的学院（或该学院已停用）。",
    en: "No college with the code or name “{value}” (or it is retired).",
  },
  "org.unknown-major": {
    "zh-CN": "没有代码或名称为“{value}”的专业（或该专业已停用）。",
    en: "No major with the code or name “{value}” (or it is retired).",
  },
  "org.major-code": {
    "zh-CN": "专业代码须为 6 位数字（可带 T、K 后缀，如 080901、080910T），“{value}”不是。",
    en: "A major code is 6 digits, optionally ending in T or K (080901, 080910T); “{value}” is not.",
  },
  "org.unknown-value": {
    "zh-CN": "{field}“{value}”无法识别，可填：{choices}。",
    en: "{field} “{value}” is not recognised; use one of: {choices}.",
  },
  "org.number-range": {
    "zh-CN": "{field}须为 {min}–{max} 之间的数，“{value}”不是。",
    en: "{field} must be a number from {min} to {max}; “{value}” is not.",
  },
  "org.degree-category-level": {
    "zh-CN": "只有本科专业有学位门类，{level}专业请留空。",
    en: "Only 本科 majors have a degree category; leave it empty for {level}.",
  },
  "org.term-code": {
    "zh-CN": "学期代码须写作 2026-2027-1（学年-学期序号 1、2 或 3），“{value}”不是。",
    en: "A term code is written 2026-2027-1 (academic year, then 1, 2 or 3); “{value}” is not.",
  },
  "org.date": {
    "zh-CN": "{field}“{value}”不是有效日期，请写作 2026-09-01。",
    en: "{field} “{value}” is not a valid date; write 2026-09-01.",
  },
  "org.term-dates-reversed": {
    "zh-CN": "最后一天（{end}）早于第一天（{start}）。",
    en: "The last day ({end}) is before the first day ({start}).",
  },
  "org.term-overlap": {
    "zh-CN": "与学期 {other}（{otherStart} 至 {otherEnd}）的日期重叠。",
    en: "The dates overlap term {other} ({otherStart} to {otherEnd}).",
  },
  "org.term-year": {
    "zh-CN": "学期 {code} 的日期应在 {year} 学年内（{from} 至 {to}）。",
    en: "Term {code} should fall within academic year {year} ({from} to {to}).",
  },
  "org.not-found": { "zh-CN": "找不到这条{entity}记录，可能已被删除。", en: "This {entity} was not found; it may have been deleted." },
  "org.in-use": {
    "zh-CN": "{entity}“{name}”已被其他记录引用，不能删除；可以停用它。",
    en: "{entity} “{name}” is referred to by other records and cannot be deleted; retire it instead.",
  },
  "org.no-sheet": {
    "zh-CN": "文件中没有可导入的工作表：请用“学院”“专业”“班级”“学期”作工作表名，或使表头含有相应列。",
    en: "No sheet to import: name the sheets 学院, 专业, 班级, 学期, or give them the matching headers.",
  },
  "org.duplicate-row": { "zh-CN": "与第 {row} 行重复（同一{entity}出现两次）。", en: "Repeats row {row} (the same {entity} twice)." },
  // Why a session stopped working: the sign-in page says it, so the reader knows what happened.
  "auth.session-expired": { "zh-CN": "会话已过期，请重新登录。", en: "Your session has expired. Please sign in again." },
  "auth.password-reset": {
    "zh-CN": "密码已重置（或已在别处修改），请用新密码重新登录。",
    en: "Your password was reset (or changed elsewhere). Sign in with the new password.",
  },
  "auth.account-disabled": {
    "zh-CN": "账号已停用。如有疑问，请联系系统管理员。",
    en: "Your account has been disabled. Ask the administrator.",
  },
  "auth.session-ended": { "zh-CN": "管理员已结束您的会话，请重新登录。", en: "An administrator ended your session. Please sign in again." },
  "auth.signed-out-centrally": {
    "zh-CN": "您已在统一身份认证中退出，请重新登录。",
    en: "You signed out at the campus sign-on. Please sign in again.",
  },
  // Campus sign-on (统一身份认证, CAS or OIDC), docs/operations.md.
  "auth.sign-on-failed": {
    "zh-CN": "统一身份认证未能确认您的身份，请重新登录。",
    en: "The campus sign-on could not confirm who you are. Please sign in again.",
  },
  "auth.sign-on-unreachable": {
    "zh-CN": "暂时无法连接统一身份认证，请稍后再试；如仍不行，请联系系统管理员。",
    en: "The campus sign-on cannot be reached just now. Try again later, or ask the administrator.",
  },
  "auth.sign-on-stale": {
    "zh-CN": "这次登录已超时，或不是从学籍系统的登录页发起的。请回到登录页重新点击“统一身份认证登录”。",
    en: "This sign-on took too long or was not started from Xueji's sign-in page. Go back and choose campus sign-on again.",
  },
  "auth.sign-on-ticket-used": {
    "zh-CN": "这张登录凭据已经用过，请重新登录。",
    en: "This sign-on ticket has already been used. Please sign in again.",
  },
  "auth.sign-on-unknown": {
    "zh-CN": "工号“{id}”在学籍系统中还没有账号（不会自动创建）。请联系{contact}为您开通。",
    en: "Staff number “{id}” has no Xueji account (none is created automatically). Ask {contact} to set one up.",
  },
  "auth.sign-on-unknown-admin": {
    "zh-CN": "工号“{id}”在学籍系统中还没有账号（不会自动创建）。请联系学籍系统的系统管理员为您开通。",
    en: "Staff number “{id}” has no Xueji account (none is created automatically). Ask the Xueji administrator to set one up.",
  },
  "auth.sign-on-no-id": {
    "zh-CN": "统一身份认证没有提供工号（{claim}），无法登录。请联系系统管理员。",
    en: "The campus sign-on did not give a staff number ({claim}). Ask the administrator.",
  },
  "auth.sign-on-off": {
    "zh-CN": "本系统没有配置统一身份认证，请用账号和密码登录。",
    en: "Campus sign-on is not set up here. Sign in with your user name and password.",
  },
  "auth.password-off": {
    "zh-CN": "本校统一使用统一身份认证登录，密码登录只留给系统管理员。请点击“统一身份认证登录”。",
    en: "This university signs in through the campus sign-on; passwords are kept for the administrator only. Choose campus sign-on.",
  },
  "auth.password-change-required": {
    "zh-CN": "请先修改临时密码，再继续使用。",
    en: "Change your temporary password before you go on.",
  },
  "auth.temporary-expired": {
    "zh-CN": "临时密码已过期（有效期 {days} 天）。请联系系统管理员重新设置。",
    en: "The temporary password has expired (it is valid for {days} days). Ask the administrator to reset it.",
  },
  "auth.wrong-current-password": { "zh-CN": "当前密码不正确。", en: "The current password is wrong." },
  "auth.password-policy": { "zh-CN": "新密码不符合要求：{policy}。", en: "The new password cannot be used: {policy}." },
  // —— 导入学籍 ——
  "import.has-errors": {
    "zh-CN": "文件有 {count} 处错误，没有写入任何数据。请按预览改正后重新导入。",
    en: "The file has {count} errors; nothing was written. Correct them as the preview shows and import again.",
  },
  "import.not-found": {
    "zh-CN": "找不到这次导入（未确认的试导入在 {hours} 小时后连同文件删除）。",
    en: "This import was not found (a dry run not confirmed is removed, file and all, after {hours} hours).",
  },
  "import.expired": {
    "zh-CN": "这次试导入已超过 {hours} 小时未确认，文件已删除，没有写入任何数据。请重新上传文件。",
    en: "This dry run was not confirmed within {hours} hours and its file has been removed; nothing was written. Upload the file again.",
  },
  "import.already-committed": {
    "zh-CN": "这次导入已经确认过，没有再次写入。",
    en: "This import was already confirmed; nothing was written again.",
  },
  "import.bad-pattern": {
    "zh-CN": "学号规则“{pattern}”不正确：应以 {serial:N}（N 位流水号）结尾，可用 {year}、{college}、{major}。",
    en: "Numbering pattern “{pattern}” is not valid: it must end with {serial:N} (an N-digit serial) and may use {year}, {college}, {major}.",
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
  const day = messageDay(name, value, locale);
  if (day) return day;
  if (name === "problem" && isInputProblem(value)) return formatInputProblem(value, params, locale);
  if (name === "materials") {
    // Material keys, comma-separated: each named in the reader's language.
    const names = String(value)
      .split(",")
      .map((m) => (m in MATERIALS ? MATERIALS[m as Material][locale] : m));
    return names.join(locale === "zh-CN" ? "、" : ", ");
  }
  if (name === "features")
    return String(value)
      .split(",")
      .map((f) => WORKBOOK_FEATURES[f as WorkbookFeature]?.[locale] ?? f)
      .join(locale === "en" ? ", " : "、");
  if (name === "type" && value in DEFAULT_WORKFLOWS) return DEFAULT_WORKFLOWS[value as ApplicationType].name[locale];
  if (name === "policy" && value in PASSWORD_PROBLEM_TEXT) return PASSWORD_PROBLEM_TEXT[value as PasswordProblem][locale];
  if (name === "role" && value in ROLE_LABELS) return ROLE_LABELS[value as Role][locale];
  if (name === "reasons")
    return String(value)
      .split(",")
      .map((code) => AUDIT_REASON_LABELS[code.trim() as AuditReason["code"]]?.[locale] ?? code)
      .join(locale === "en" ? ", " : "、");
  if (name === "issue" && typeof value === "string" && Object.hasOwn(catalogue, value)) {
    // An issue the sheet reader found (e.g. no header row), with its own parameters beside it.
    const { issue: _code, ...issueParams } = params;
    return formatMessage(value as IssueCode, issueParams, locale);
  }
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

/**
 * An operation's failure with a code users can be shown. `detail` (a library's message, the part of
 * a file that broke) is for the operator's log only: it is never in `userMessage`.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Readonly<Record<string, string | number>> = {},
    readonly detail?: string,
  ) {
    super(detail ?? code);
    this.name = "AppError";
  }

  userMessage(locale: Locale = "zh-CN"): string {
    return formatError(this.code, this.params, locale);
  }
}
