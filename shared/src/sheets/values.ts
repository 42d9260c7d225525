import type { Coded } from "../fields/enumeration";
import type { IdNumber } from "../fields/id-number";
import type { Score } from "../fields/score";
import type { Term } from "../fields/term";
import type { Locale } from "../messages/locale";
import type { FieldKey } from "./fields";

/** A data row after parsing: each field's normalised value (absent when blank or unreadable). */
export interface RowValues {
  studentNo?: string;
  examNo?: string;
  name?: string;
  gender?: Coded;
  birthDate?: string;
  ethnicity?: Coded;
  politicalStatus?: Coded;
  idType?: string;
  idNumber?: IdNumber;
  college?: string;
  majorCode?: string;
  majorName?: string;
  className?: string;
  level?: Coded;
  duration?: number;
  studyForm?: Coded;
  enrolmentDate?: string;
  expectedGraduationDate?: string;
  registrationStatus?: Coded;
  term?: Term;
  courseCode?: string;
  courseName?: string;
  credits?: number;
  courseNature?: Coded;
  score?: Score;
  examType?: Coded;
  confirmed?: boolean;
  reason?: string;
  evidence?: string;
  examTerm?: Term;
  studentStatus?: Coded;
  grade?: number;
  admissionType?: string;
  phone?: string;
  address?: string;
  gpa?: number;
  discipline?: Coded;
}

/** The value as the cell should read once corrected, for reports and duplicate keys. */
export function displayValue(value: RowValues[FieldKey], locale: Locale = "zh-CN"): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  // Yes and no in the reader's language; a sheet's cell (zh-CN) reads 是/否 as secretaries write it.
  if (typeof value === "boolean") return locale === "en" ? (value ? "Yes" : "No") : value ? "是" : "否";
  if ("id" in value) return value.id;
  if ("academicYear" in value) return value.code;
  if ("passed" in value) return value.label;
  return value.name;
}

/** How a row is known across versions of a sheet: the student, plus term and course on a failed-course sheet. */
export function canonicalRowKey(kind: string, values: RowValues): string {
  if (kind !== "failed-courses") return values.studentNo ?? "";
  return [values.studentNo, values.term?.code, values.courseCode || values.courseName, values.examType?.code].map((p) => p ?? "").join(" ");
}
