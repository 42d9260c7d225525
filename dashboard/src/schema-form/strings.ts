export type FormLocale = "zh-CN" | "en";

/** The editor's own words; field titles come from the schema the server sends in the reader's language. */
export const FORM_STRINGS = {
  "zh-CN": {
    addRow: "添加一行",
    remove: "删除第 {n} 行",
    moveUp: "上移第 {n} 行",
    moveDown: "下移第 {n} 行",
    row: "第 {n} 行",
    actions: "操作",
    empty: "（无）",
    onePerLine: "每行一项",
    line: "第 {n} 行：{message}",
    notJson: "不是有效的 JSON：{message}",
    choose: "请选择",
    issues: "草稿有 {n} 处问题，请在标出的字段修改：",
    addItem: "添加一项",
    removeItem: "删除第 {n} 项",
    item: "第 {n} 项",
  },
  en: {
    addRow: "Add a row",
    remove: "Remove row {n}",
    moveUp: "Move row {n} up",
    moveDown: "Move row {n} down",
    row: "Row {n}",
    actions: "Actions",
    empty: "(none)",
    onePerLine: "One per line",
    line: "Line {n}: {message}",
    notJson: "Not valid JSON: {message}",
    choose: "Choose",
    issues: "The draft has {n} problems; correct the marked fields:",
    addItem: "Add an item",
    removeItem: "Remove item {n}",
    item: "Item {n}",
  },
} as const;

export type FormStrings = { [K in keyof (typeof FORM_STRINGS)["zh-CN"]]: string };

export const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
