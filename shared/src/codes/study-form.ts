import { codeTable } from "./table";

// 学习形式, as 学信网 registration lists them. The codes are local (the upload uses the text).
export const STUDY_FORM = codeTable("studyForm", "学信网 学习形式 (codes local)", [
  ["1", "普通全日制", "全日制", "普通", "统招全日制"],
  ["2", "非全日制", "非全"],
  ["3", "函授"],
  ["4", "业余"],
  ["5", "脱产"],
  ["6", "网络教育", "远程教育", "网络"],
  ["7", "自学考试", "自考"],
]);
