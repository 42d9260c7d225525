import { i18n } from "../../i18n";

/** The 学籍统计 page's words, added to i18next when the page loads (see settings-words.ts). */
const zhCN = {
  headcountPage: {
    date: "统计日期",
    download: "下载 Excel",
    byCollege: "各学院人数（按学籍状态）",
    byCollegeNote: "截至 {{date}} 当日结束时的学籍。点击数字查看对应学生。",
    detail: "学院 × 专业 × 年级 × 学籍状态",
    detailNote: "共 {{count}} 行，合计 {{total}} 人。",
    pastNote: "统计日期早于今天：学生名单按当前学籍列出，可能与当日人数略有出入。",
    college: "学院",
    major: "专业",
    level: "层次",
    grade: "年级",
    status: "学籍状态",
    count: "人数",
    total: "合计",
    none: "该日期没有在册学生。",
    studentsOf: "查看 {{count}} 名学生",
    downloaded: "已下载 {{file}}。",
  },
};

const en: typeof zhCN = {
  headcountPage: {
    date: "As of",
    download: "Download Excel",
    byCollege: "Students by college and status",
    byCollegeNote: "The record at the end of {{date}}. Numbers open the students behind them.",
    detail: "College × major × grade × status",
    detailNote: "{{count}} rows, {{total}} students.",
    pastNote: "A past date: the student lists show today's record, which may differ slightly from that day's numbers.",
    college: "College",
    major: "Major",
    level: "Level",
    grade: "Grade",
    status: "Status",
    count: "Students",
    total: "Total",
    none: "No students on record on that date.",
    studentsOf: "Show the {{count}} students",
    downloaded: "Downloaded {{file}}.",
  },
};

i18n.addResourceBundle("zh-CN", "translation", zhCN, true, false);
i18n.addResourceBundle("en", "translation", en, true, false);
