import { i18n } from "../i18n";

/** The words of the account form (修改密码), added when the form loads (see settings-words.ts). */
const zhCN = {
  account: {
    changePassword: "修改密码",
    forcedTitle: "请先修改临时密码",
    forcedExplain: "您正在使用管理员设置的临时密码。请设置只有您自己知道的新密码后再继续（临时密码 {{days}} 天内有效）。",
    explain: "修改后，您在其他设备上的登录会全部结束，本页面保持登录。",
    current: "当前密码",
    next: "新密码",
    again: "再次输入新密码",
    policy: "至少 {{min}} 个字符；不能与用户名相同；建议用一句好记的话。",
    mismatch: "两次输入的新密码不一致",
    submit: "修改密码",
    saving: "正在修改……",
    done: "密码已修改。{{count}} 个其他会话已结束。",
    cancel: "取消",
    close: "关闭",
    signOut: "退出登录",
  },
};

const en: typeof zhCN = {
  account: {
    changePassword: "Change password",
    forcedTitle: "Change your temporary password first",
    forcedExplain:
      "You signed in with a temporary password set by the administrator. Choose a new one only you know before you go on (a temporary password is valid for {{days}} days).",
    explain: "After the change you are signed out on every other device; this page stays signed in.",
    current: "Current password",
    next: "New password",
    again: "New password again",
    policy: "At least {{min}} characters, not your user name; a sentence you remember works well.",
    mismatch: "The two new passwords differ",
    submit: "Change password",
    saving: "Changing…",
    done: "Password changed. {{count}} other sessions ended.",
    cancel: "Cancel",
    close: "Close",
    signOut: "Sign out",
  },
};

i18n.addResourceBundle("zh-CN", "translation", zhCN, true, false);
i18n.addResourceBundle("en", "translation", en, true, false);
