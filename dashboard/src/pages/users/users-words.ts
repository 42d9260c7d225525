import { i18n } from "../../i18n";

/** The users page's words, added to i18next when the page loads (see settings-words.ts). */
const zhCN = {
  usersPage: {
    search: "按用户名或姓名查找",
    username: "用户名",
    displayName: "姓名",
    role: "角色",
    college: "学院",
    state: "状态",
    active: "正常",
    disabled: "已停用",
    create: "新建用户",
    createTitle: "新建用户",
    password: "初始密码",
    passwordHint: "至少 10 个字符；请当面或电话告知本人，并提醒首次登录后修改。",
    usernameHint: "小写字母、数字和 . _ -，2–40 个。",
    collegeHint: "教学秘书和院领导必须属于一个学院；教务处、校领导和管理员不属于学院。",
    noCollege: "（不属于学院）",
    cancel: "取消",
    save: "创建",
    created: "已创建用户 {{username}}。",
    none: "没有符合条件的用户。",
    actions: "操作",
    count: "共 {{count}} 个账号",
  },
};

const en: typeof zhCN = {
  usersPage: {
    search: "Find by username or name",
    username: "Username",
    displayName: "Name",
    role: "Role",
    college: "College",
    state: "State",
    active: "Active",
    disabled: "Disabled",
    create: "Create a user",
    createTitle: "Create a user",
    password: "Initial password",
    passwordHint: "At least 10 characters; tell the person in person or by phone, and ask them to change it at first sign-in.",
    usernameHint: "2–40 lowercase letters, digits and . _ -",
    collegeHint: "College secretaries and leaders belong to one college; registrar, school leaders and administrators to none.",
    noCollege: "(no college)",
    cancel: "Cancel",
    save: "Create",
    created: "User {{username}} created.",
    none: "No users match.",
    actions: "Actions",
    count: "{{count}} accounts",
  },
};

i18n.addResourceBundle("zh-CN", "translation", zhCN, true, false);
i18n.addResourceBundle("en", "translation", en, true, false);
