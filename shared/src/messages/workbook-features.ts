import type { Locale } from "./locale";

/**
 * What a workbook may hold that the server's copy writer (ExcelJS) does not carry over: a corrected
 * copy of such a workbook would silently lose it, so the copy is refused and names these.
 */
export const WORKBOOK_FEATURES = {
  charts: { "zh-CN": "图表", en: "charts" },
  pivots: { "zh-CN": "数据透视表", en: "pivot tables" },
  macros: { "zh-CN": "宏（VBA）", en: "macros (VBA)" },
  slicers: { "zh-CN": "切片器或日程表", en: "slicers or timelines" },
  links: { "zh-CN": "指向其他工作簿的链接", en: "links to other workbooks" },
  controls: { "zh-CN": "表单控件", en: "form controls" },
  objects: { "zh-CN": "嵌入的对象", en: "embedded objects" },
  "threaded-comments": { "zh-CN": "批注回复（会话式批注）", en: "threaded comments" },
} satisfies Record<string, Record<Locale, string>>;

export type WorkbookFeature = keyof typeof WORKBOOK_FEATURES;
