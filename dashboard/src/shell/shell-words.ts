import { i18n } from "../i18n";

/** Words of the frame around every page that came after zh-CN.ts / en.ts (kept apart to ease merges). */
const zhCN = {
  frame: {
    account: "修改密码",
    collapseNav: "收起菜单",
    expandNav: "展开菜单",
    signInAgain: "请重新登录",
    warningTitle: "需要处理",
    warningsTitle: "需要处理（{{count}} 项）",
    provisional: "暂定",
    provisionalHint: "该年度的法定节假日尚未录入，按工作日计算的期限可能变动。",
  },
};

const en: typeof zhCN = {
  frame: {
    account: "Change password",
    collapseNav: "Collapse the menu",
    expandNav: "Expand the menu",
    signInAgain: "Please sign in again",
    warningTitle: "Needs attention",
    // Only ever two or more (one warning has the title above).
    warningsTitle: "Needs attention ({{count}} items)",
    provisional: "Provisional",
    provisionalHint: "That year's public holidays are not entered yet; deadlines counted in working days may move.",
  },
};

i18n.addResourceBundle("zh-CN", "translation", zhCN, true, false);
i18n.addResourceBundle("en", "translation", en, true, false);
