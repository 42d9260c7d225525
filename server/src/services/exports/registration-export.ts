import { ETHNICITY, entryByCode, LEVEL, POLITICAL_STATUS, STUDY_FORM } from "@xueji/shared";
import { and, asc, eq, ne } from "drizzle-orm";
import type { Db } from "../../db/client";
import { classes, colleges, majors, registrations, students } from "../../db/schema";
import { writeTextWorkbook } from "./write-text-workbook";

/** The 学信网 registration upload columns, as one university publishes them (docs/domain.md §7). */
export const XUEXIN_COLUMNS = [
  "KSH",
  "XH",
  "XM",
  "XB",
  "CSRQ",
  // 证件类型 before the number it qualifies: 港澳台 and foreign students are registered with the document they hold.
  "ZJLX",
  "SFZH",
  "ZZMM",
  "MZ",
  "ZYDM",
  "ZYMC",
  "CC",
  "XZ",
  "XXXS",
  "RXRQ",
  "FY",
  "XSH",
  "BH",
  "YJBYRQ",
] as const;

const compactDate = (date: string | null) => (date ? date.replace(/-/g, "") : "");
const nameOf = (table: Parameters<typeof entryByCode>[0], code: string | null) => (code ? (entryByCode(table, code)?.name ?? code) : "");

/** The students registered (已注册) in an academic year, in the 学信网 columns, every cell text. */
export async function registrationExport(
  db: Db,
  options: { academicYear: string; collegeId?: number | undefined },
): Promise<{ rows: string[][]; file: Buffer }> {
  // 休学学生不注册 (seed 003 第十一条): a student on 休学 now is left out, whatever the roster said.
  const where = [
    eq(registrations.academicYear, options.academicYear),
    eq(registrations.status, "registered"),
    ne(students.status, "suspended"),
  ];
  if (options.collegeId !== undefined) where.push(eq(students.collegeId, options.collegeId));
  const found = await db
    .select({ s: students, majorCode: majors.code, majorName: majors.name, college: colleges.name, className: classes.name })
    .from(registrations)
    .innerJoin(students, eq(students.id, registrations.studentId))
    .innerJoin(majors, eq(majors.id, students.majorId))
    .innerJoin(colleges, eq(colleges.id, students.collegeId))
    .leftJoin(classes, eq(classes.id, students.classId))
    .where(and(...where))
    .orderBy(asc(students.studentNo));
  const rows = found.map(({ s, majorCode, majorName, college, className }) => [
    s.examNo ?? "",
    s.studentNo,
    s.name,
    s.gender === "1" ? "男" : s.gender === "2" ? "女" : "",
    compactDate(s.birthDate),
    s.documentType,
    s.idNumber,
    nameOf(POLITICAL_STATUS, s.politicalStatus),
    nameOf(ETHNICITY, s.ethnicity),
    majorCode,
    majorName,
    nameOf(LEVEL, s.level),
    String(s.duration),
    nameOf(STUDY_FORM, s.studyForm),
    compactDate(s.enrolmentDate),
    college,
    "",
    className ?? "",
    compactDate(s.expectedGraduationDate),
  ]);
  return { rows, file: await writeTextWorkbook("学籍注册", XUEXIN_COLUMNS, rows) };
}
