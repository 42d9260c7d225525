import { i18n } from "../../i18n";

/** The 学业预警 page's words for 留级 → 降级（学业原因）, added to i18next when the page loads. */
const zhCN = {
  demotion: {
    // Short enough for the list's action column at 1024 px; the full name is in the accessible name and the dialog.
    action: "转为降级",
    actionFor: "转为降级（学业原因）：{{name}}",
    title: "{{name}} 留级 → 降级（学业原因）",
    explain:
      "生成一份降级（学业原因）申请，从教务处环节开始办理（《学籍管理操作流程》二.2：初步处理意见 → 学校研究 → 公示 → 发文 → 学籍异动），办结后学籍按下表变更。",
    item: "项目",
    before: "现在",
    after: "降级后",
    grade: "年级",
    class: "班级",
    expectedGraduation: "预计毕业",
    gradeValue: "{{grade}} 级",
    classLabel: "编入班级",
    classHint: "可在此选定新班级；留空则由学院在本环节编班。",
    byCollege: "由学院编班",
    noClass: "（无）",
    noClasses: "该专业 {{grade}} 级还没有班级，由学院编班。",
    confirm: "生成降级申请",
    cancel: "取消",
    created: "已生成降级（学业原因）申请",
  },
};

const en: typeof zhCN = {
  demotion: {
    action: "Demote",
    actionFor: "Demote (academic reasons): {{name}}",
    title: "{{name}}: repeat → demotion (academic)",
    explain:
      "Opens a demotion (academic) application at the registrar's stage (Student records procedures, II.2: opinion → school meeting → notice → decision → change); once done the record changes as below.",
    item: "Item",
    before: "Now",
    after: "After",
    grade: "Grade",
    class: "Class",
    expectedGraduation: "Expected graduation",
    gradeValue: "{{grade}}",
    classLabel: "Class to join",
    classHint: "Choose the new class now, or leave it to the college at its stage.",
    byCollege: "Assigned by the college",
    noClass: "(none)",
    noClasses: "The major has no {{grade}} classes yet; the college assigns one.",
    confirm: "Open the demotion",
    cancel: "Cancel",
    created: "Demotion (academic) application opened",
  },
};

i18n.addResourceBundle("zh-CN", "translation", zhCN, true, false);
i18n.addResourceBundle("en", "translation", en, true, false);
