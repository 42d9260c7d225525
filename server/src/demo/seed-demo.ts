import { type Cell, ETHNICITY, numberCell, type Role, textCell } from "@xueji/shared";
import { count } from "drizzle-orm";
import type { Db } from "../db/client";
import { colleges, school } from "../db/schema";
import {
  insertClass,
  insertCollege,
  insertMajor,
  insertStudents,
  insertTerms,
  insertUser,
  makeIdNumber,
  type StudentSeed,
} from "../db/seed-basics";
import { hashPassword } from "../services/auth/password";
import { runCohortAudit } from "../services/graduation/run-cohort-audit";
import { SETTING_KINDS } from "../services/settings/setting-kinds";
import { saveSetting } from "../services/settings/settings-store";
import { reviewSubmission } from "../services/sheets/review-submission";
import { submitSheet } from "../services/sheets/submit-sheet";
import { DEMO_COLLEGES, DEMO_SCHOOL, GIVEN, REGIONS, SURNAMES } from "./catalogue";
import { pick, seededRandom } from "./random";
import { seedApplications, seedGraduates } from "./seed-activity";

export const DEMO_PASSWORD = "xueji-demo-2026";
const GRADES = [2022, 2023, 2024, 2025];
const PER_MAJOR_GRADE = 75;
const FAILED_TERM = "2025-2026-1";

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
}

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(colleges);
  return (row?.n ?? 0) === 0;
}

type Grid = Array<{ row: number; cells: Array<Cell | null> }>;

function grid(rows: Array<Array<string | number | null>>): Grid {
  return rows.map((cells, i) => ({
    row: i + 1,
    cells: cells.map((c) => (c === null ? null : typeof c === "number" ? numberCell(c) : textCell(c))),
  }));
}

/**
 * A realistic demo university on first start: 8 colleges, 40 majors, 12,000 students over four
 * grades, one user per role (a secretary and a leader per college), and a term of failed-course
 * sheets gone through the real submission and review services — so the pending items, the audit
 * trail and the submissions are what the product itself would have made.
 */
export async function seedDemo(db: Db, log: (line: string) => void = () => {}): Promise<DemoAccount[]> {
  const random = seededRandom(20261123);
  await insertTerms(db, [2022, 2023, 2024, 2025, 2026]);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts: DemoAccount[] = [];
  const addUser = async (username: string, displayName: string, role: Role, collegeId: number | null) => {
    const id = await insertUser(db, { username, displayName, role, collegeId, passwordHash });
    accounts.push({ username, displayName, role });
    return id;
  };
  await addUser("admin", "系统管理员", "admin", null);
  const registrarId = await addUser("registrar", "学籍中心 刘老师", "registrar-staff", null);
  const registrarLeaderId = await addUser("registrar-leader", "教务处 陈处长", "registrar-leader", null);
  await addUser("school-leader", "分管校领导 王校长", "school-leader", null);
  await db.insert(school).values({ name: DEMO_SCHOOL.schoolName, code: DEMO_SCHOOL.schoolCode, presidentName: DEMO_SCHOOL.presidentName });
  // The school's certificate data, published by the registrar's leader as a real school would before its
  // first graduation: executing a list in the demo numbers certificates instead of asking for it first.
  await saveSetting(db, {
    actor: { userId: registrarLeaderId, role: "registrar-leader", requestId: "demo-seed" },
    kind: "graduation-audit",
    key: "default",
    validFrom: `${GRADES[0]}-${(GRADES[0] as number) + 1}`,
    value: (() => {
      const rules = SETTING_KINDS["graduation-audit"].default();
      return { ...rules, certificate: { ...rules.certificate, ...DEMO_SCHOOL } };
    })(),
    reason: "录入学校名称、学校代码和校长姓名（学历证书编号与证书内容）",
  });

  const secretaries = new Map<number, number>();
  const leaders = new Map<number, number>();
  const studentsByCollege = new Map<number, StudentSeed[]>();
  let serial = 0;
  for (const college of DEMO_COLLEGES) {
    const collegeId = await insertCollege(db, college.code, college.name);
    secretaries.set(collegeId, await addUser(`sec-${college.code}`, `${college.name}教学秘书`, "secretary", collegeId));
    leaders.set(collegeId, await addUser(`leader-${college.code}`, `${college.name}分管院领导`, "college-leader", collegeId));
    const seeds: StudentSeed[] = [];
    for (const [mi, [code, name, short]] of college.majors.entries()) {
      const majorId = await insertMajor(db, collegeId, code, name);
      for (const grade of GRADES) {
        await insertClass(db, majorId, `${short}${String(grade).slice(2)}01`, grade);
        await insertClass(db, majorId, `${short}${String(grade).slice(2)}02`, grade);
        for (let i = 0; i < PER_MAJOR_GRADE; i++) {
          serial++;
          const gender = random() < 0.5 ? "1" : "2";
          const birthDate = `${grade - 18 - (random() < 0.2 ? 1 : 0)}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`;
          const roll = random();
          seeds.push({
            studentNo: `${grade}${college.code}${mi + 1}${String(i + 1).padStart(3, "0")}`,
            name: pick(random, SURNAMES) + pick(random, GIVEN) + (random() < 0.7 ? pick(random, GIVEN) : ""),
            collegeId,
            majorId,
            grade,
            gender,
            birthDate,
            ethnicity: random() < 0.9 ? "01" : pick(random, ETHNICITY.entries).code,
            idNumber: makeIdNumber(birthDate, gender, serial, pick(random, REGIONS)),
            status: roll < 0.01 ? "suspended" : roll < 0.015 && grade < 2025 ? "withdrawn" : "enrolled",
          });
        }
      }
    }
    await insertStudents(db, seeds);
    studentsByCollege.set(collegeId, seeds);
  }
  log(`  ${serial} 名学生、${DEMO_COLLEGES.length} 个学院、${DEMO_COLLEGES.length * 5} 个专业`);

  // A term of failed-course sheets: three colleges submitted, two of them accepted by the registrar.
  const [first, second, third, fourth] = [...studentsByCollege.keys()];
  for (const collegeId of [first, second, third] as number[]) {
    const rows: Array<Array<string | number | null>> = [
      ["学号", "姓名", "学期", "课程代码", "课程名称", "学分", "课程性质", "成绩", "考核类型", "学生确认"],
    ];
    for (const s of studentsByCollege.get(collegeId) ?? []) {
      if (s.status !== "enrolled" || s.grade === 2025 || random() > 0.18) continue;
      const courses = 1 + Math.floor(random() * (random() < 0.15 ? 7 : 3));
      for (let c = 0; c < courses; c++) {
        const credits = pick(random, [2, 2.5, 3, 3.5, 4, 4.5, 5, 6]);
        rows.push([
          s.studentNo,
          s.name,
          FAILED_TERM,
          `K${String(1000 + c)}`,
          `${pick(random, ["高等数学", "大学英语", "大学物理", "线性代数", "概率论与数理统计", "程序设计基础", "专业导论"])}（${c + 1}）`,
          credits,
          c % 3 ? "专业必修课" : "公共必修课",
          Math.floor(random() * 55),
          "正考",
          "是",
        ]);
      }
    }
    const actor = { userId: secretaries.get(collegeId) as number, role: "secretary" as const, requestId: "demo-seed" };
    const receipt = await submitSheet(db, {
      actor,
      clientId: `demo-failed-${collegeId}`,
      kind: "failed-courses",
      termCode: FAILED_TERM,
      collegeId,
      fileName: "不及格课程信息核对表.xlsx",
      grid: grid(rows),
      today: "2025-10-08",
    });
    if (collegeId !== third)
      await reviewSubmission(db, {
        actor: { userId: registrarId, role: "registrar-staff", requestId: "demo-seed" },
        submissionId: receipt.submissionId,
        decision: "accept",
      });
  }
  // A returning-student roster waiting for review.
  const roster = [
    ["学号", "姓名", "注册状态", "学生确认"],
    ...(studentsByCollege.get(fourth as number) ?? [])
      .filter((s) => s.status === "enrolled")
      .map((s, i) => [s.studentNo, s.name, i % 40 === 0 ? "暂缓注册" : "已注册", "是"]),
  ];
  await submitSheet(db, {
    actor: { userId: secretaries.get(fourth as number) as number, role: "secretary", requestId: "demo-seed" },
    clientId: "demo-roster-returning",
    kind: "roster-returning",
    termCode: FAILED_TERM,
    collegeId: fourth as number,
    fileName: "在校生学年电子注册信息核对表.xlsx",
    grid: grid(roster),
    today: "2025-09-20",
  });
  await seedGraduates(db, random);
  await runCohortAudit(db, { actor: { userId: registrarId, role: "registrar-staff", requestId: "demo-seed" }, cohort: 2026 });
  await seedApplications(db, random, { secretaries, leaders, registrarId, registrarLeaderId, studentsByCollege });
  log("  毕业审核（2026 届）与学籍异动申请已生成");
  return accounts;
}
