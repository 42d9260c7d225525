import { codeTable } from "./table";

// 注册状态 on the returning roster and 报到状态 on the new-student roster (seed 003 第十一条:
// unpaid fees → 暂缓注册; seed 004: 未报到 list from the new-student check).
const table = codeTable("registrationStatus", "seed 003 第十一条, seed 004", [
  ["registered", "已注册", "注册", "已报到", "报到", "是", "已报道", "√"],
  ["deferred", "暂缓注册", "暂缓", "缓注册", "欠费暂缓"],
  ["absent", "未报到", "未报道", "否", "没报到"],
  ["unregistered", "未注册", "不予注册"],
  ["suspended", "休学", "休学中"],
  ["admission-kept", "保留入学资格", "保留资格"],
]);

// On the new-student roster the column is 报到状态 and 已报到 is the right word, not a misspelling.
export const REGISTRATION_STATUS = {
  ...table,
  entries: table.entries.map((e) =>
    e.code === "registered" ? { ...e, alsoCorrect: ["已报到"], aliases: e.aliases.filter((a) => a !== "已报到") } : e,
  ),
};
