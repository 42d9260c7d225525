import { codeTable } from "./table";

// GB/T 2261.1-2003 人的性别代码. The ID number's 17th digit gives 1 (odd) or 2 (even).
export const GENDER = codeTable("gender", "GB/T 2261.1-2003", [
  ["0", "未知的性别", "未知"],
  ["1", "男", "男性", "男生", "m", "male", "man"],
  ["2", "女", "女性", "女生", "f", "female", "woman"],
  ["9", "未说明的性别", "未说明"],
]);
