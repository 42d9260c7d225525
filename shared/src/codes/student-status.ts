import { codeTable } from "./table";

// 学籍状态, docs/domain.md §2. Codes are stable English keys; the transitions in status/ use them.
export const STUDENT_STATUS = codeTable("studentStatus", "docs/domain.md §2", [
  ["admitted", "录取", "已录取"],
  // 报到: the new student came and the college checked the admission; 在读 only after 电子注册 (seed 004).
  ["reported", "报到", "已报到"],
  ["enrolled", "在读", "在籍", "在校", "正常"],
  ["admission-kept", "保留入学资格", "保留资格"],
  ["admission-given-up", "放弃入学资格"],
  ["admission-cancelled", "取消入学资格"],
  ["suspended", "休学"],
  ["withdrawn", "退学"],
  ["expelled", "开除学籍"],
  ["status-cancelled", "取消学籍"],
  ["deceased", "死亡", "注销学籍"],
  ["graduated", "毕业"],
  ["completed", "结业"],
]);

export type StudentStatus =
  | "admitted"
  | "reported"
  | "enrolled"
  | "admission-kept"
  | "admission-given-up"
  | "admission-cancelled"
  | "suspended"
  | "withdrawn"
  | "expelled"
  | "status-cancelled"
  | "deceased"
  | "graduated"
  | "completed";
