import { sql } from "drizzle-orm";
import type { Database } from "../src/db/client";
import { courseResults, majors, students } from "../src/db/schema";
import { insertCollege, insertTerms, insertUser, makeIdNumber } from "../src/db/seed-basics";
import { MAX_IMPORT_UPLOAD } from "../src/http/import-routes";
import { commitImport, previewImport } from "../src/services/imports/run-import";
import { freshDatabase } from "./setup";
import { measured } from "./timing";

/**
 * 导入 (the registrar's first load) against a plain bulk insert of the same rows into the same table,
 * in the same run: 50,000 students and 1,000,000 course results (goal ≤ 2× each), then a results file
 * of 2,000,000 rows over four terms, the size the upload cap (160 MB) is set for, with memory stated.
 * "Import" is the confirmation (the file read again, checked against the record, written with its
 * history and audit); the dry run before it is timed and shown beside it.
 */
const TODAY = "2026-03-02";
const SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华";
const nameOf = (i: number) => `${SURNAMES[i % 16]}${GIVEN[Math.floor(i / 16) % 20]}${GIVEN[Math.floor(i / 320) % 20]}`;
const studentNoOf = (i: number) => `${2022 + (i % 4)}${String(i).padStart(6, "0")}`;
const MAJORS = 20;
const COURSES = 10;

function studentsCsv(count: number): Buffer {
  const lines = ["学号,姓名,性别,出生日期,身份证号,民族,专业代码,层次,学制,年级,班级,学籍状态"];
  for (let i = 0; i < count; i++) {
    const grade = 2022 + (i % 4);
    const gender = i % 2 ? "2" : "1";
    const born = new Date(Date.UTC(grade - 18, 0, 1) + (i % 300) * 86_400_000).toISOString().slice(0, 10);
    const major = majorCode(i % MAJORS);
    lines.push(
      [
        studentNoOf(i),
        nameOf(i),
        gender === "1" ? "男" : "女",
        born,
        makeIdNumber(born, gender, Math.floor(i / 300)),
        "汉族",
        major,
        "本科",
        "4",
        grade,
        `${major}-${grade}`,
        "在读",
      ].join(","),
    );
  }
  return Buffer.from(`${lines.join("\n")}\n`);
}

const majorCode = (m: number) => `08${String(Math.floor(m / 2) + 1).padStart(2, "0")}0${(m % 2) + 1}`;

/** Result row `r` of a file spread over `terms` terms: every student takes each term's ten courses. */
function resultOf(r: number, studentCount: number, terms: readonly string[]) {
  const student = r % studentCount;
  const slot = Math.floor(r / studentCount);
  const term = terms[Math.floor(slot / COURSES) % terms.length] as string;
  const course = (slot % COURSES) + COURSES * Math.floor(slot / COURSES);
  const fail = (student + course) % 17 === 0;
  return {
    student,
    term,
    code: `C${String(course).padStart(3, "0")}`,
    name: `课程${course}`,
    credits: 2,
    score: fail ? 45 : 60 + (r % 40),
  };
}

function resultsCsv(rows: number, studentCount: number, terms: readonly string[]): Buffer {
  const parts: Buffer[] = [Buffer.from("学号,学年学期,课程代码,课程名称,学分,成绩,考核方式\n")];
  let chunk: string[] = [];
  for (let r = 0; r < rows; r++) {
    const x = resultOf(r, studentCount, terms);
    chunk.push(`${studentNoOf(x.student)},${x.term},${x.code},${x.name},${x.credits},${x.score},正考`);
    if (chunk.length === 50_000) {
      parts.push(Buffer.from(`${chunk.join("\n")}\n`));
      chunk = [];
    }
  }
  if (chunk.length) parts.push(Buffer.from(`${chunk.join("\n")}\n`));
  return Buffer.concat(parts);
}

async function organisation(database: Database) {
  const { db } = database;
  await insertTerms(db, [2022, 2023, 2024, 2025]);
  for (let c = 1; c <= MAJORS / 2; c++) {
    const collegeId = await insertCollege(db, String(c).padStart(2, "0"), `第${c}学院`);
    for (const m of [2 * (c - 1), 2 * (c - 1) + 1]) {
      await db.insert(majors).values({
        code: majorCode(m),
        name: `专业${majorCode(m)}`,
        collegeId,
        level: "05",
        duration: 4,
        maxStudyYears: 6,
        requiredCredits: 160,
      });
    }
  }
  const userId = await insertUser(db, {
    username: "registrar",
    displayName: "学籍中心",
    role: "registrar-staff",
    collegeId: null,
    passwordHash: "x",
  });
  return { userId, role: "registrar-staff" as const, requestId: "bench" };
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

async function importFile(
  database: Database,
  actor: Awaited<ReturnType<typeof organisation>>,
  kind: "students" | "results",
  bytes: Buffer,
) {
  const fileName = `${kind}.csv`;
  const dry = await measured(() => previewImport(database.db, actor, { kind, fileName, bytes, options: {}, today: TODAY }));
  if (dry.value.report.errors > 0) throw new Error(`bench file has errors: ${JSON.stringify(dry.value.report.issues.slice(0, 3))}`);
  const commit = await measured(() => commitImport(database.db, actor, { id: dry.value.id, today: TODAY }));
  return { dry, commit, report: commit.value.report };
}

export async function benchImports(
  engine: "pglite" | "postgres",
  sizes: { students: number; results: number; big: number },
): Promise<void> {
  const database = await freshDatabase(engine);
  if (!database) {
    console.log(`\n## import on ${engine}: skipped (PostgreSQL not reachable)`);
    return;
  }
  const { db } = database;
  try {
    const actor = await organisation(database);

    // 1. Students: the import into an empty table, then the rows it wrote, bulk-inserted into the emptied table.
    const file = studentsCsv(sizes.students);
    const imported = await importFile(database, actor, "students", file);
    const written = await db.select().from(students);
    await db.execute(sql`truncate table status_changes, students restart identity cascade`);
    const plain = await measured(async () => {
      for (let i = 0; i < written.length; i += 1_000) await db.insert(students).values(written.slice(i, i + 1_000));
    });
    const [d, c, p] = [imported.dry.ms, imported.commit.ms, plain.ms];
    console.log(`\n## import ${sizes.students} students from a ${mib(file.length)} CSV on ${engine} (one round)`);
    console.log(`  plain bulk insert of the same rows  : ${p.toFixed(0)} ms  (${Math.round((written.length / p) * 1000)} rows/s)`);
    console.log(`  dry run (read + check, no writes)   : ${d.toFixed(0)} ms`);
    console.log(`  import (confirm: read, check, write): ${c.toFixed(0)} ms  (${imported.report.create} created)`);
    console.log(
      `  ratio import / plain insert         : ${(c / p).toFixed(2)}×  (goal ≤ 2×); dry run + import: ${((d + c) / p).toFixed(2)}×`,
    );
    console.log(`  peak RSS during the import          : ${mib(imported.commit.peakRss)} (from ${mib(imported.commit.startRss)})`);

    if (sizes.results === 0) return;
    // The students again, as the import wrote them, for the results to refer to.
    await db.execute(sql`truncate table students restart identity cascade`);
    await importFile(database, actor, "students", file);
    const ids = new Map((await db.select({ id: students.id, no: students.studentNo }).from(students)).map((s) => [s.no, s.id]));

    // 2. A million results over two terms: plain insert first, emptied, then the import.
    const terms2 = ["2024-2025-1", "2024-2025-2"];
    const plainResults = await measured(async () => {
      for (let r = 0; r < sizes.results; r += 5_000) {
        const batch = [];
        for (let k = r; k < Math.min(r + 5_000, sizes.results); k++) {
          const x = resultOf(k, sizes.students, terms2);
          batch.push({
            studentId: ids.get(studentNoOf(x.student)) as number,
            term: x.term,
            courseKey: x.code,
            courseCode: x.code,
            courseName: x.name,
            credits: x.credits,
            score: String(x.score),
            passed: x.score >= 60,
            examType: "regular",
          });
        }
        await db.insert(courseResults).values(batch);
      }
    });
    await db.execute(sql`truncate table course_results`);
    const resultsFile = resultsCsv(sizes.results, sizes.students, terms2);
    const results = await importFile(database, actor, "results", resultsFile);
    const [rd, rc, rp] = [results.dry.ms, results.commit.ms, plainResults.ms];
    console.log(`\n## import ${sizes.results} course results (2 terms) from a ${mib(resultsFile.length)} CSV on ${engine} (one round)`);
    console.log(`  plain bulk insert of the same rows  : ${rp.toFixed(0)} ms  (${Math.round((sizes.results / rp) * 1000)} rows/s)`);
    console.log(`  dry run (read + check, no writes)   : ${rd.toFixed(0)} ms`);
    console.log(
      `  import (confirm: read, check, write): ${rc.toFixed(0)} ms  (${results.report.create} created, credits of ${results.report.studentsAffected} students)`,
    );
    console.log(
      `  ratio import / plain insert         : ${(rc / rp).toFixed(2)}×  (goal ≤ 2×); dry run + import: ${((rd + rc) / rp).toFixed(2)}×`,
    );
    console.log(
      `  peak memory of the import           : RSS ${mib(results.commit.peakRss)} (from ${mib(results.commit.startRss)}), JS heap ${mib(results.commit.peakHeap)}; dry run RSS ${mib(results.dry.peakRss)}`,
    );

    // 3. Two million rows over four terms, the largest file the cap admits: through the service, memory stated.
    if (sizes.big > 0) {
      await db.execute(sql`truncate table course_results`);
      const terms4 = ["2023-2024-1", "2023-2024-2", "2024-2025-1", "2024-2025-2"];
      const bigFile = resultsCsv(sizes.big, sizes.students, terms4);
      const big = await importFile(database, actor, "results", bigFile);
      const stored = await db.$count(courseResults);
      console.log(
        `\n## import ${sizes.big} course results (4 terms) from a ${mib(bigFile.length)} CSV on ${engine} (cap ${mib(MAX_IMPORT_UPLOAD)})`,
      );
      console.log(
        `  dry run                             : ${big.dry.ms.toFixed(0)} ms, peak RSS ${mib(big.dry.peakRss)}, JS heap ${mib(big.dry.peakHeap)}`,
      );
      console.log(
        `  import                              : ${big.commit.ms.toFixed(0)} ms, peak RSS ${mib(big.commit.peakRss)}, JS heap ${mib(big.commit.peakHeap)}; ${stored} rows stored`,
      );
    }
  } finally {
    await database.close();
  }
}
