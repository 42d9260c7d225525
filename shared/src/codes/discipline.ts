import { codeTable } from "./table";

// 处分 (docs/domain.md §2: 正方 code table 0018 as published — 1 警告 · 2 严重警告 · 3 记过 · 4 留校察看 ·
// 6 开除学籍). The codes rise with the sanction, so a degree condition can say "at most 2". A sheet
// also says that there is none: 0 无 is this system's own code for that (0018 has none).
export const DISCIPLINE = codeTable("discipline", "0018 处分", [
  ["0", "无", "无处分", "没有", "否"],
  ["1", "警告", "警告处分"],
  ["2", "严重警告", "严重警告处分"],
  ["3", "记过", "记过处分"],
  ["4", "留校察看", "留校察看处分", "留校查看"],
  ["6", "开除学籍", "开除"],
]);
