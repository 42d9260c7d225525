import { i18n } from "../../i18n";

/** 我的待办's words for the work besides applications (see settings-words.ts). */
const zhCN = {
  inbox: {
    title: "核对表与学业预警",
    note: "轮到您处理的核对表和学业预警；期限按教务处工作日历计算。",
    label: "核对表与学业预警待办",
    what: "事项",
    college: "学院",
    subject: "内容",
    due: "期限",
    left: "剩余时间",
    open: "打开",
    none: "没有等您处理的核对表或学业预警。",
    applications: "学籍异动",
    kinds: {
      "sheet-returned": "核对表被退回",
      "sheet-due": "核对表待提交",
      "sheet-to-review": "核对表待审核",
      "standing-pending": "学业预警待处理",
      "standing-take-up": "学业预警待发起异动",
    },
    count: "{{count}} 份",
    people: "{{count}} 人",
    reason: "退回原因：{{reason}}",
  },
};

const en: typeof zhCN = {
  inbox: {
    title: "Sheets and academic standing",
    note: "The check sheets and standing items that wait for you; deadlines follow the registrar's working-day calendar.",
    label: "Sheets and standing waiting for you",
    what: "Item",
    college: "College",
    subject: "What",
    due: "Due",
    left: "Time left",
    open: "Open",
    none: "No check sheets or standing items wait for you.",
    applications: "Status changes",
    kinds: {
      "sheet-returned": "Sheet returned",
      "sheet-due": "Sheet to submit",
      "sheet-to-review": "Sheet to review",
      "standing-pending": "Standing items pending",
      "standing-take-up": "Standing outcomes to take up",
    },
    count: "{{count}} sheets",
    people: "{{count}} students",
    reason: "Returned because: {{reason}}",
  },
};

i18n.addResourceBundle("zh-CN", "translation", zhCN, true, false);
i18n.addResourceBundle("en", "translation", en, true, false);
