import { i18n } from "../i18n";

/** Words of the frame around every page that came after zh-CN.ts / en.ts (kept apart to ease merges). */
const zhCN = {
  frame: {
    account: "修改密码",
    collapseNav: "收起菜单",
    expandNav: "展开菜单",
    signInAgain: "请重新登录",
  },
};

const en: typeof zhCN = {
  frame: {
    account: "Change password",
    collapseNav: "Collapse the menu",
    expandNav: "Expand the menu",
    signInAgain: "Please sign in again",
  },
};

i18n.addResourceBundle("zh-CN", "translation", zhCN, true, false);
i18n.addResourceBundle("en", "translation", en, true, false);
