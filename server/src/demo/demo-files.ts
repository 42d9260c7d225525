import { checkCharacter, ETHNICITY, ROLE_LABELS, type Role } from "@xueji/shared";
import ExcelJS from "exceljs";
import { DEMO_COLLEGES, GIVEN, REGIONS, SURNAMES } from "./catalogue";
import type { DemoStory } from "./demo-story";
import { pick } from "./random";

/** Students of each major in each grade, and freshmen admitted to each major: a college's cohort is more than one page (200) of a list. */
export const PER_MAJOR_GRADE = 44;
/** What a demo major asks for graduation; a student who passed everything earns 178. */
export const REQUIRED_CREDITS = 160;

export interface DemoFiles {
  /** 学院, 专业, 班级, 学期: one workbook, a worksheet each (as the 导入 page's organisation template). */
  org: Buffer;
  users: Buffer;
  students: Buffer;
  admissions: Buffer;
  results: Buffer;
  accounts: Array<{ username: string; displayName: string; role: Role; college: string | null }>;
}

const csv = (rows: ReadonlyArray<ReadonlyArray<string | number>>): Buffer =>
  Buffer.from(`${rows.map((r) => r.map((c) => String(c)).join(",")).join("\r\n")}\r\n`, "utf8");

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/**
 * Credits of the four courses (course groups, as some academic systems export them) of each of the first
 * six terms, then 实习 and 毕业论文（设计） in the last two: four rows a term keep the demo's first start short.
 */
const TERM_CREDITS = [7, 7, 7, 6];
const COMMON = ["高等数学", "大学英语"];

function courseOf(majorCode: string, majorName: string, k: number, c: number) {
  if (k >= 6) {
    const name = c === 0 ? "专业实习" : "毕业论文（设计）";
    return { code: `${majorCode.slice(0, 6)}P${k}${c}`, name, credits: 4, nature: "实践环节" };
  }
  if (c < 2) {
    const name = `${COMMON[c]}（${k + 1}）`;
    return { code: `GG${c}${k + 1}`, name, credits: TERM_CREDITS[c] as number, nature: "公共必修课" };
  }
  return {
    code: `${majorCode.slice(0, 6)}${k + 1}${c}`,
    name: `${majorName}${c === 2 ? "专业基础" : "专业核心课"}（${k + 1}）`,
    credits: TERM_CREDITS[c] as number,
    nature: "专业必修课",
  };
}

/**
 * The demo university's sheets, as an old academic system and the admissions office would hand them
 * over on day one: the organisation, the accounts, the students of the grades in the record, this
 * summer's 录取名单, and the course results of every term that has ended (正考 and 补考, with 绩点).
 */
export async function demoFiles(story: DemoStory, random: () => number): Promise<DemoFiles> {
  const usedIds = new Set<string>();
  let serial = 0;
  function person(grade: number) {
    serial++;
    const gender = random() < 0.5 ? "1" : "2";
    const birthDate = `${grade - 18 - (random() < 0.2 ? 1 : 0)}-${pad(1 + Math.floor(random() * 12), 2)}-${pad(1 + Math.floor(random() * 28), 2)}`;
    const region = pick(random, REGIONS);
    let seq = (serial % 500) * 2 + (gender === "1" ? 1 : 0);
    let id = "";
    // A valid ID number, unique in the file (the import refuses one ID number twice).
    for (;;) {
      const first17 = `${region}${birthDate.replace(/-/g, "")}${pad(seq % 1000, 3)}`;
      id = first17 + checkCharacter(first17);
      if (!usedIds.has(id)) break;
      seq += 2;
    }
    usedIds.add(id);
    const name = pick(random, SURNAMES) + pick(random, GIVEN) + (random() < 0.7 ? pick(random, GIVEN) : "");
    const ethnicity = random() < 0.9 ? "汉族" : pick(random, ETHNICITY.entries).name;
    return { gender: gender === "1" ? "男" : "女", birthDate, id, name, ethnicity };
  }

  // 学院, 专业, 班级, 学期.
  const workbook = new ExcelJS.Workbook();
  const collegeSheet = workbook.addWorksheet("学院");
  collegeSheet.addRow(["学院代码", "学院名称"]);
  const majorSheet = workbook.addWorksheet("专业");
  majorSheet.addRow(["专业代码", "专业名称", "所属学院", "层次", "学制", "学习形式", "毕业学分"]);
  const classSheet = workbook.addWorksheet("班级");
  classSheet.addRow(["班级名称", "专业代码", "年级"]);
  const termSheet = workbook.addWorksheet("学期");
  termSheet.addRow(["学期代码", "开始日期", "结束日期"]);
  for (const t of story.terms) termSheet.addRow([t.code, t.startDate, t.endDate]);

  const accounts: DemoFiles["accounts"] = [
    { username: "registrar", displayName: "学籍中心 刘老师", role: "registrar-staff", college: null },
    { username: "registrar-leader", displayName: "教务处 陈处长", role: "registrar-leader", college: null },
    { username: "school-leader", displayName: "分管校领导 王校长", role: "school-leader", college: null },
  ];
  const studentRows: Array<Array<string | number>> = [
    [
      "学号",
      "姓名",
      "性别",
      "出生日期",
      "身份证号",
      "民族",
      "政治面貌",
      "专业代码",
      "学院",
      "班级",
      "年级",
      "层次",
      "学制",
      "学习形式",
      "入学日期",
      "预计毕业日期",
      "学籍状态",
      "考生号",
    ],
  ];
  const admissionRows: Array<Array<string | number>> = [
    // 年级 given, as 招生 hands it over: without it the import takes the latest intake's year (`intakeYearOf`).
    ["考生号", "姓名", "身份证号", "性别", "出生日期", "民族", "政治面貌", "录取专业代码", "录取专业", "层次", "学制", "班级", "年级"],
  ];
  const resultRows: Array<Array<string | number>> = [
    ["学号", "姓名", "学年学期", "课程代码", "课程名称", "学分", "成绩", "课程性质", "考核方式", "绩点"],
  ];
  const ended = new Set(story.endedTerms);

  for (const college of DEMO_COLLEGES) {
    collegeSheet.addRow([college.code, college.name]);
    accounts.push(
      { username: `sec-${college.code}`, displayName: `${college.name}教学秘书`, role: "secretary", college: college.name },
      { username: `leader-${college.code}`, displayName: `${college.name}分管院领导`, role: "college-leader", college: college.name },
    );
    for (const [mi, [code, name, short]] of college.majors.entries()) {
      majorSheet.addRow([code, name, college.code, "本科", 4, "普通全日制", REQUIRED_CREDITS]);
      for (const grade of [...story.grades, story.intake]) {
        classSheet.addRow([`${short}${String(grade).slice(2)}01`, code, grade]);
        classSheet.addRow([`${short}${String(grade).slice(2)}02`, code, grade]);
      }
      for (const grade of story.grades) {
        for (let i = 0; i < PER_MAJOR_GRADE; i++) {
          const p = person(grade);
          const studentNo = `${grade}${college.code}${mi + 1}${pad(i + 1, 3)}`;
          const roll = random();
          // The graduated cohort has no one on 休学: a student still away at its graduation would be delayed on the record.
          const status =
            roll < 0.01 && grade !== story.graduated - 4 ? "休学" : roll < 0.015 && grade !== story.grades.at(-1) ? "退学" : "在读";
          studentRows.push([
            studentNo,
            p.name,
            p.gender,
            p.birthDate,
            p.id,
            p.ethnicity,
            random() < 0.12 ? "中共党员" : "共青团员",
            code,
            college.name,
            `${short}${String(grade).slice(2)}0${(i % 2) + 1}`,
            grade,
            "本科",
            4,
            "普通全日制",
            `${grade}-09-01`,
            `${grade + 4}-06-30`,
            status,
            `${String(grade).slice(2)}${p.id.slice(0, 6)}${pad(serial, 6)}`,
          ]);
          // Results of every term since enrolment that has ended: a few students struggle (weak), most pass nearly all.
          const weak = random() < 0.1;
          for (let k = 0; k < 8; k++) {
            const year = grade + Math.floor(k / 2);
            const term = `${year}-${year + 1}-${(k % 2) + 1}`;
            if (!ended.has(term)) break;
            for (let c = 0; c < (k >= 6 ? 2 : 4); c++) {
              const course = courseOf(code, name, k, c);
              const failed = random() < (k >= 6 ? 0.01 : weak ? 0.35 : 0.03);
              const score = failed ? 30 + Math.floor(random() * 30) : 60 + Math.floor(random() * 39);
              const point = (s: number) => (s >= 60 ? Math.round(s - 50) / 10 : 0);
              resultRows.push([
                studentNo,
                p.name,
                term,
                course.code,
                course.name,
                course.credits,
                score,
                course.nature,
                "正考",
                point(score),
              ]);
              if (!failed) continue;
              // The 补考 at the start of the next term: most pass it (which clears the failure), some do not.
              const makeup = random() < (weak ? 0.5 : 0.75) ? 60 + Math.floor(random() * 12) : 35 + Math.floor(random() * 25);
              resultRows.push([
                studentNo,
                p.name,
                term,
                course.code,
                course.name,
                course.credits,
                makeup,
                course.nature,
                "补考",
                point(makeup),
              ]);
            }
          }
        }
      }
      for (let i = 0; i < PER_MAJOR_GRADE; i++) {
        const p = person(story.intake);
        admissionRows.push([
          `${String(story.intake).slice(2)}${p.id.slice(0, 6)}${pad(serial, 6)}`,
          p.name,
          p.id,
          p.gender,
          p.birthDate,
          p.ethnicity,
          "共青团员",
          code,
          name,
          "本科",
          4,
          `${short}${String(story.intake).slice(2)}0${(i % 2) + 1}`,
          story.intake,
        ]);
      }
    }
  }
  const users = csv([
    ["用户名", "姓名", "角色", "学院"],
    ...accounts.map((a) => [a.username, a.displayName, ROLE_LABELS[a.role]["zh-CN"], a.college ?? ""]),
  ]);
  return {
    org: Buffer.from(await workbook.xlsx.writeBuffer()),
    users,
    students: csv(studentRows),
    admissions: csv(admissionRows),
    results: csv(resultRows),
    accounts,
  };
}
