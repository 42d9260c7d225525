import { i18n } from "../../i18n";

/** The audit log page's words, added to i18next when the page loads (see settings-words.ts). */
const zhCN = {
  auditLogPage: {
    filters: "筛选",
    actor: "操作人",
    action: "操作",
    entity: "对象类型",
    entityId: "对象编号",
    entityIdHint: "异动编号或回执编号",
    fromDate: "起始日期",
    toDate: "截止日期",
    any: "全部",
    clear: "清除筛选",
    at: "时间",
    role: "角色",
    none: "没有符合条件的记录。",
    verify: "验证哈希链",
    verifying: "正在逐条核对……",
    intact: "哈希链完整：已逐条核对 {{checked}} 条记录，没有被改动、删除或插入的记录。",
    broken:
      "哈希链在第 {{id}} 条记录处断开（{{reason}}）：已核对 {{checked}} 条。该记录或其前一条记录在写入后被改动、删除或插入，请立即报告系统管理员。",
    reasonHash: "记录内容与其哈希不符",
    reasonLink: "与前一条记录的链接不符",
    shorter:
      "审计日志被截断：{{at}} 的签名检查点时有 {{expected}} 条记录，现在只有 {{found}} 条——末尾的记录被删除，或整张表被清空。请立即报告系统管理员。",
    rewritten: "审计日志被重算过：第 {{expected}} 条记录的哈希与 {{at}} 的签名检查点不同。请立即报告系统管理员。",
    checkpointBad: "最新的签名检查点核验不通过（被改动过，或由另一把审计密钥签名），无法确认日志完整。请立即报告系统管理员。",
    noCheckpoint: "注意：还没有签名检查点，无法发现末尾记录被删除。",
    pending: "另有 {{n}} 条已提交的记录尚未链入哈希链（最早记于 {{since}}），其封印完好；服务器会自动链接。",
    seal: "一条已提交、尚未链入哈希链的记录被改动过，其封印不符：{{at}} 的“{{action}}”（{{entity}} {{entityId}}）。它和它之后的记录不会被链接；链中的 {{checked}} 条记录完好。请立即报告系统管理员。",
    detail: "第 {{id}} 条记录",
    before: "变更前",
    after: "变更后",
    hash: "哈希",
    requestId: "请求编号",
    shown: "已显示 {{count}} 条",
    more: "向下滚动加载更多",
    system: "系统",
    field: "字段",
    noChange: "此事件没有记录变更前后的内容。",
    search: "检索",
    fullList: "完整列表",
    fullListNote: "全部事件按写入顺序（最新在前）逐页列出，含每条事件的哈希与前一条的链接，可据此人工核对哈希链。",
    prevHash: "前一条哈希",
    scopeNote:
      "您可查看学籍业务（异动、核对表、注册、学业预警、毕业审核、证明）的事件；账号管理与设置的事件仅教务处分管领导和系统管理员可见。",
  },
};

const en: typeof zhCN = {
  auditLogPage: {
    filters: "Filters",
    actor: "Actor",
    action: "Action",
    entity: "Entity type",
    entityId: "Entity id",
    entityIdHint: "Application no. or receipt",
    fromDate: "From",
    toDate: "To",
    any: "Any",
    clear: "Clear filters",
    at: "Time",
    role: "Role",
    none: "No events match.",
    verify: "Verify the hash chain",
    verifying: "Checking every event…",
    intact: "The hash chain is intact: {{checked}} events checked one by one; none was changed, deleted or inserted.",
    broken:
      "The hash chain breaks at event {{id}} ({{reason}}) after {{checked}} events. That event or the one before it was changed, deleted or inserted after it was written: report it to the administrator now.",
    reasonHash: "its content does not match its hash",
    reasonLink: "its link to the event before does not match",
    shorter:
      "The audit log was truncated: the signed checkpoint of {{at}} saw {{expected}} events, now there are {{found}} — its tail was deleted or the table emptied. Report it to the administrator now.",
    rewritten:
      "The audit log was recomputed: event {{expected}} no longer has the hash the checkpoint of {{at}} signed. Report it to the administrator now.",
    checkpointBad:
      "The newest signed checkpoint fails its signature (edited, or signed with another audit key): the log cannot be shown intact. Report it to the administrator now.",
    noCheckpoint: "Note: there is no signed checkpoint yet, so a deleted tail cannot be detected.",
    // Said without a plural (one event or many): the count stands alone.
    pending:
      "Committed events not yet linked into the chain: {{n}} (the oldest recorded at {{since}}). Their seals are intact; the server links them by itself.",
    seal: "A committed event not yet linked into the chain was changed, its seal fails: “{{action}}” on {{entity}} {{entityId}}, recorded at {{at}}. Neither it nor any event after it will be linked; the {{checked}} events in the chain are intact. Report it to the administrator now.",
    detail: "Event {{id}}",
    before: "Before",
    after: "After",
    hash: "Hash",
    requestId: "Request id",
    shown: "{{count}} shown",
    more: "Scroll down for more",
    system: "System",
    field: "Field",
    noChange: "This event recorded no before or after.",
    search: "Search",
    fullList: "Full list",
    fullListNote:
      "Every event in the order written (newest first), page by page, with each event's hash and its link to the one before, to check the chain by hand.",
    prevHash: "Previous hash",
    scopeNote:
      "You see the events of the registrar's work (status changes, sheets, registration, standing, graduation, certificates); account and settings events are for the registrar leader and the administrator.",
  },
};

i18n.addResourceBundle("zh-CN", "translation", zhCN, true, false);
i18n.addResourceBundle("en", "translation", en, true, false);
