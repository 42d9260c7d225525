import { codeTable } from "./table";

// 层次. Codes 01/02/04/05/06 are the 培养层次 of the 学历证书编号 (docs/domain.md §6);
// 专科起点本科 (专升本) and 预科 have no digit there, so they take the local codes 15 and 09.
export const LEVEL = codeTable("level", "学历证书编号 培养层次 (docs/domain.md §6); 15, 09 local", [
  ["01", "博士", "博士研究生"],
  ["02", "硕士", "硕士研究生", "研究生"],
  ["04", "第二学士学位", "第二学士", "二学位", "双学位"],
  ["05", "本科", "普通本科", "大学本科", "本"],
  ["06", "专科", "高职", "高职高专", "大专", "专科(高职)", "高职(专科)"],
  ["15", "专科起点本科", "专升本", "专本"],
  ["09", "预科", "预科生"],
]);

/** 预科's local code: a student admitted as 预科 is registered at this level (seed 003 第五条). */
export const PREPARATORY_LEVEL = "09";

/** Maximum study years by level, seed 000 六.5 (专科 5, 本科 6); the others follow 本科. */
export const MAX_STUDY_YEARS: Readonly<Record<string, number>> = { "06": 5, "05": 6, "15": 6 };
