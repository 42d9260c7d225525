import type { CertificateSchool } from "./graduation-audit";

/**
 * The 学历证书 of a 毕业 or 结业 student (seed 003 第十三–十六条): its number in the national
 * format (docs/domain.md §6: 5-digit 学校代码 · 1-digit 办学类型 · 4-digit year · 2-digit 培养层次 ·
 * 6-digit serial), the school and president it names, and its issue date, which is the graduation
 * date (第十六条 “学历证书发证日期应与学生毕业日期一致”).
 */
export interface CertificateData {
  kind: "graduation" | "completion";
  certificateNo: string;
  schoolName: string;
  presidentName: string;
  issueDate: string;
}

/** 培养层次 of the certificate number: 专升本 certificates are 本科 ones; 预科 gets none. */
const CERTIFICATE_LEVEL: Readonly<Record<string, string>> = { "01": "01", "02": "02", "04": "04", "05": "05", "06": "06", "15": "05" };

export type CertificateProblem = "school-name" | "school-code" | "president" | "level";

/** What is missing before certificates can be numbered for this level; empty when nothing is. */
export function certificateProblems(school: CertificateSchool, level: string): CertificateProblem[] {
  const out: CertificateProblem[] = [];
  if (!school.schoolName.trim()) out.push("school-name");
  if (!/^\d{5}$/.test(school.schoolCode)) out.push("school-code");
  if (!school.presidentName.trim()) out.push("president");
  if (!CERTIFICATE_LEVEL[level]) out.push("level");
  return out;
}

/** The first 12 digits, shared by every certificate of a school, year and level; the serial counts within it. */
export function certificatePrefix(school: CertificateSchool, year: number, level: string): string {
  return `${school.schoolCode}${school.schoolType}${year}${CERTIFICATE_LEVEL[level] ?? "??"}`;
}

export function certificateNumber(prefix: string, serial: number): string {
  return `${prefix}${String(serial).padStart(6, "0")}`;
}

export function certificateData(
  school: CertificateSchool,
  options: { outcome: "graduate" | "complete"; graduationDate: string; prefix: string; serial: number },
): CertificateData {
  return {
    kind: options.outcome === "graduate" ? "graduation" : "completion",
    certificateNo: certificateNumber(options.prefix, options.serial),
    schoolName: school.schoolName,
    presidentName: school.presidentName,
    issueDate: options.graduationDate,
  };
}
