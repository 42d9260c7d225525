import type { ApplicationType } from "./application-types";

/**
 * Whose identity data an application may change: a graduate's only through 学历（学位）勘误 (seed 000 八
 * “已毕业学生毕业后身份信息更改的，其身份信息无法在学信网同步更改；如系在校期间更改……可以进行学历勘误”), and
 * 学历勘误 only for a graduate. Other applications are not identity changes and are not asked here.
 * (The integrator merges this with the status guards' own predicate, which refuses 退学/死亡 as well.)
 */
export function mayChangeIdentity(type: ApplicationType, status: string): boolean {
  if (type === "record-correction") return status === "graduated";
  if (type === "identity-change") return status !== "graduated";
  return true;
}
