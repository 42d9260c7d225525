import type { Database } from "../src/db/client";
import { insertCollege, insertMajor, insertStudents, insertTerms, insertUser } from "../src/db/seed-basics";
import { openScratchDatabase } from "../src/db/test-database";
import { createSession } from "../src/services/auth/sessions";

export const BENCH_PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** A fresh database on the engine, or null when PostgreSQL cannot be reached. */
export async function freshDatabase(engine: "pglite" | "postgres"): Promise<Database | null> {
  try {
    return await openScratchDatabase(engine, BENCH_PG_URL);
  } catch {
    return null;
  }
}

export const NAMES = "甲乙丙丁戊己庚辛壬癸";
export const studentNoOf = (college: number, i: number) => `2025${String(college).padStart(2, "0")}${String(i).padStart(5, "0")}`;
export const nameOf = (i: number) => `学生${NAMES[i % 10]}${NAMES[Math.floor(i / 10) % 10]}`;

/** `colleges` colleges of `perCollege` students each, a secretary per college with a session token. */
export async function seedColleges(database: Database, colleges: number, perCollege: number) {
  const { db } = database;
  await insertTerms(db, [2025]);
  const out: Array<{ collegeId: number; userId: number; token: string }> = [];
  for (let c = 1; c <= colleges; c++) {
    const collegeId = await insertCollege(db, String(c).padStart(2, "0"), `第${c}学院`);
    const majorId = await insertMajor(db, collegeId, `0809${String(c).padStart(2, "0")}`, `专业${c}`);
    await insertStudents(
      db,
      Array.from({ length: perCollege }, (_, i) => ({ studentNo: studentNoOf(c, i), name: nameOf(i), collegeId, majorId, grade: 2025 })),
    );
    const userId = await insertUser(db, {
      username: `sec-${c}`,
      displayName: `秘书${c}`,
      role: "secretary",
      collegeId,
      passwordHash: "bench-no-login",
    });
    out.push({ collegeId, userId, token: (await createSession(db, userId)).token });
  }
  return out;
}

/** A returning roster of the college's students as the add-in sends it. */
export function rosterGrid(college: number, rows: number) {
  const text = (value: string) => ({ value, type: "string" as const });
  return [
    { row: 1, cells: [text("在校生学年电子注册信息核对表")] },
    { row: 2, cells: [text("学号"), text("姓名"), text("注册状态"), text("学生确认")] },
    ...Array.from({ length: rows }, (_, i) => ({
      row: i + 3,
      cells: [text(studentNoOf(college, i)), text(nameOf(i)), text(i % 50 ? "已注册" : "暂缓注册"), text("是")],
    })),
  ];
}
