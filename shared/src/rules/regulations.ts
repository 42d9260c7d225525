/**
 * The regulations the default rules quote, by the names a registrar knows them by: a rule's source shown on a
 * screen names the document and its article, never where the project keeps its copy (docs/domain.md cites them
 * as seeds 003 and 004).
 */
export const REGULATIONS = {
  /** 长工院教字〔2021〕27号 (seed 003). */
  electronicRegistration: "《长春工程学院学生学籍学历电子注册管理办法》",
  /** 附件一 of 长江师范学院's procedures (seed 004). */
  statusProcedures: "长江师范学院《学籍管理操作流程》",
} as const;
