/**
 * Fixtures for tests and benches: rows inserted past the services, on purpose, to set a scene quickly.
 * No product code uses these — the record comes in through the imports (services/imports, organisation),
 * and so does the demo of `pnpm start` (demo/seed-demo.ts; demo-story.test.ts checks nothing else imports this).
 */
import { checkCharacter, type Role } from "@xueji/shared";
import type { Executor } from "./client";
import { classes, colleges, majors, students, terms, users } from "./schema";

export interface StudentSeed {
  studentNo: string;
  name: string;
  collegeId: number;
  majorId: number;
  grade: number;
  status?: string;
  gender?: "1" | "2";
  birthDate?: string;
  ethnicity?: string;
  idNumber?: string;
}

/** A valid ID number for a birth date (yyyy-mm-dd) and gender, varied by `n`. */
export function makeIdNumber(birthDate: string, gender: "1" | "2", n: number, region = "430103"): string {
  const seq = (n % 500) * 2 + (gender === "1" ? 1 : 0);
  const first17 = `${region}${birthDate.replace(/-/g, "")}${String(seq).padStart(3, "0").slice(-3)}`;
  return first17 + checkCharacter(first17);
}

/** Inserts students in chunks: one statement per 1,000 students. */
export async function insertStudents(db: Executor, seeds: readonly StudentSeed[]): Promise<void> {
  const rows = seeds.map((s, i) => {
    const gender = s.gender ?? (i % 2 ? "2" : "1");
    const birthDate = s.birthDate ?? `${s.grade - 18}-0${(i % 9) + 1}-1${i % 10}`;
    return {
      studentNo: s.studentNo,
      name: s.name,
      idNumber: s.idNumber ?? makeIdNumber(birthDate, gender, i),
      gender,
      birthDate,
      ethnicity: s.ethnicity ?? "01",
      politicalStatus: "03",
      collegeId: s.collegeId,
      majorId: s.majorId,
      grade: s.grade,
      level: "05",
      duration: 4,
      studyForm: "1",
      enrolmentDate: `${s.grade}-09-01`,
      expectedGraduationDate: `${s.grade + 4}-06-30`,
      status: s.status ?? "enrolled",
    };
  });
  for (let i = 0; i < rows.length; i += 1000) await db.insert(students).values(rows.slice(i, i + 1000));
}

export async function insertCollege(db: Executor, code: string, name: string): Promise<number> {
  const [row] = await db.insert(colleges).values({ code, name }).returning({ id: colleges.id });
  return (row as { id: number }).id;
}

export async function insertMajor(db: Executor, collegeId: number, code: string, name: string, level = "05"): Promise<number> {
  const duration = level === "06" ? 3 : level === "15" ? 2 : 4;
  const [row] = await db
    .insert(majors)
    .values({ code, name, collegeId, level, duration, maxStudyYears: level === "06" ? 5 : 6, requiredCredits: level === "06" ? 120 : 160 })
    .returning({ id: majors.id });
  return (row as { id: number }).id;
}

export async function insertClass(db: Executor, majorId: number, name: string, grade: number): Promise<number> {
  const [row] = await db.insert(classes).values({ name, majorId, grade }).returning({ id: classes.id });
  return (row as { id: number }).id;
}

/** Terms of the academic years given, with their usual dates (autumn from September, spring from February). */
export async function insertTerms(db: Executor, startYears: readonly number[]): Promise<void> {
  await db.insert(terms).values(
    startYears.flatMap((y) => [
      { code: `${y}-${y + 1}-1`, academicYear: `${y}-${y + 1}`, startDate: `${y}-09-01`, endDate: `${y + 1}-01-20` },
      { code: `${y}-${y + 1}-2`, academicYear: `${y}-${y + 1}`, startDate: `${y + 1}-02-24`, endDate: `${y + 1}-07-10` },
    ]),
  );
}

export async function insertUser(
  db: Executor,
  user: { username: string; displayName: string; role: Role; collegeId: number | null; passwordHash: string },
): Promise<number> {
  const [row] = await db.insert(users).values(user).returning({ id: users.id });
  return (row as { id: number }).id;
}
