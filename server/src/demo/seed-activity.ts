import {
  type ApplicationType,
  type Cell,
  COURSE_NATURE,
  EXAM_TYPE,
  entryByCode,
  type Material,
  numberCell,
  requiredMaterials,
  textCell,
} from "@xueji/shared";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { students } from "../db/schema";
import { decideApplication } from "../services/applications/decide-application";
import { fileApplication } from "../services/applications/file-application";
import { workflowInForce } from "../services/applications/workflow-for";
import { executeAudits } from "../services/graduation/execute-audits";
import { advanceAuditStage } from "../services/graduation/override-audit";
import { runCohortAudit } from "../services/graduation/run-cohort-audit";
import { failedCoursesOf } from "../services/imports/plan-results";
import { currentAcademicYear } from "../services/organisation/current-academic-year";
import { storePhotos } from "../services/photos/store-photo";
import { photoRulesFor } from "../services/photos/upload-photo";
import { reviewSubmission } from "../services/sheets/review-submission";
import { submitSheet } from "../services/sheets/submit-sheet";
import { demoPortraits } from "./demo-photos";
import type { DemoStory } from "./demo-story";
import { workingDaysBefore } from "./demo-story";
import { pick } from "./random";

export interface DemoPeople {
  secretaries: Map<number, number>;
  leaders: Map<number, number>;
  registrarId: number;
  registrarLeaderId: number;
  /** By college code. */
  collegeIds: number[];
}

const SEED = "demo-seed";

function grid(rows: Array<Array<string | number | null>>): Array<{ row: number; cells: Array<Cell | null> }> {
  return rows.map((cells, i) => ({
    row: i + 1,
    cells: cells.map((c) => (c === null ? null : typeof c === "number" ? numberCell(c) : textCell(c))),
  }));
}

/** The earlier of two days. */
const earlier = (a: string, b: string) => (a < b ? a : b);

/**
 * Photos from the photo collection (seed 000 四: 480×640, 1–100 KB, 蓝底): every graduate of last June had one; of
 * next June's cohort a few are missing, and a few were over 100 KB — refused, as the photo service refuses them, so
 * those students have none yet either; the open audit shows data to fix. Kept through the photo service's batch
 * (the checks and the audit event of an upload, set-based), by the registrar's office.
 */
async function seedPhotos(db: Db, story: DemoStory, random: () => number, people: DemoPeople): Promise<void> {
  const [graduated, open] = [story.graduated - 4, story.open - 4];
  const cohort = await db
    .select({ id: students.id, studentNo: students.studentNo, grade: students.grade })
    .from(students)
    .where(inArray(students.grade, [graduated, open]))
    .orderBy(asc(students.id));
  const portraits = demoPortraits();
  const photos = cohort
    .filter((s) => s.grade === graduated || random() > 0.04)
    .flatMap((s) => {
      // The draws as the collection's sizes were drawn, so the rest of the demo's story stays as it was.
      const tooLarge = !(s.grade === graduated || random() > 0.03);
      if (tooLarge) return [];
      const look = Math.floor(random() * 70_000) % portraits.length;
      return [{ student: { id: s.id, studentNo: s.studentNo }, file: { name: `${s.studentNo}.jpg`, bytes: portraits[look] as Buffer } }];
    });
  const uploader = { userId: people.registrarId, role: "registrar-staff" as const, requestId: SEED };
  const rules = await photoRulesFor(db, story.today);
  await db.transaction((tx) => storePhotos(tx, uploader, rules, photos));
}

/**
 * Last June's graduation, as the registrar did it: the cohort audited on its imported credits, each
 * college's list through 学院初审, 教务处复审, 公示 and the 学位委员会 (its minutes recorded), then carried
 * out on the graduation day — 毕业 with certificate numbers, 结业 for those short of credits.
 */
export async function seedGraduation(db: Db, story: DemoStory, random: () => number, people: DemoPeople): Promise<void> {
  await seedPhotos(db, story, random, people);
  const actor = { userId: people.registrarId, role: "registrar-staff" as const, requestId: SEED };
  const cohort = story.graduated;
  await runCohortAudit(db, { actor, cohort });
  for (const collegeId of people.collegeIds) {
    for (const from of ["college-review", "registrar-review", "public-notice", "degree-committee"] as const)
      await advanceAuditStage(db, {
        actor:
          from === "college-review" ? { userId: people.leaders.get(collegeId) as number, role: "college-leader", requestId: SEED } : actor,
        cohort,
        collegeId,
        from,
        committee: { decidedOn: `${cohort}-06-20`, meetingNo: `校学位〔${cohort}〕3号` },
      });
    await executeAudits(db, { actor, cohort, collegeId, today: `${cohort}-06-30` });
  }
}

/** Next June's audit, run by the registrar on the record as it is now: every college's list at 学院初审. */
export async function seedOpenAudit(db: Db, story: DemoStory, people: DemoPeople): Promise<void> {
  await runCohortAudit(db, { actor: { userId: people.registrarId, role: "registrar-staff", requestId: SEED }, cohort: story.open });
}

/**
 * The term's check sheets, as the colleges did them: three colleges' failed-course sheets of the last
 * ended term, filled from the imported results (as 新建核对表 fills them) — two accepted by the registrar,
 * so their 学业预警 wait — and a returning roster of this year waiting for review.
 */
export async function seedSheets(db: Db, story: DemoStory, people: DemoPeople): Promise<void> {
  const term = story.endedTerms.at(-1) as string;
  const sheetDay = workingDaysBefore(story.today, 25);
  const [, second, third, fourth, fifth] = people.collegeIds as [number, number, number, number, number];
  for (const collegeId of [second, third, fourth]) {
    const failed = [];
    for (let cursor: string | undefined; ; ) {
      const page = await failedCoursesOf(db, { collegeId, term, limit: 500, ...(cursor ? { cursor } : {}) });
      failed.push(...page.items);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    // Only students still in study are listed (a graduate's failures are history).
    const statuses = new Map(
      (
        await db
          .select({ no: students.studentNo, status: students.status })
          .from(students)
          .where(and(eq(students.collegeId, collegeId), inArray(students.status, ["enrolled", "suspended"])))
      ).map((s) => [s.no, s.status]),
    );
    const rows: Array<Array<string | number | null>> = [
      ["学号", "姓名", "学期", "课程代码", "课程名称", "学分", "课程性质", "成绩", "考核类型", "学生确认"],
      ...failed
        .filter((f) => statuses.has(f.student_no))
        .map((f) => [
          f.student_no,
          f.name,
          f.term,
          f.course_code,
          f.course_name,
          Number(f.credits),
          f.nature ? (entryByCode(COURSE_NATURE, f.nature)?.name ?? f.nature) : null,
          Number(f.score),
          entryByCode(EXAM_TYPE, f.exam_type)?.name ?? f.exam_type,
          "是",
        ]),
    ];
    const receipt = await submitSheet(db, {
      actor: { userId: people.secretaries.get(collegeId) as number, role: "secretary", requestId: SEED },
      clientId: `demo-failed-${collegeId}`,
      kind: "failed-courses",
      termCode: term,
      collegeId,
      fileName: "不及格课程信息核对表.xlsx",
      grid: grid(rows),
      today: sheetDay,
    });
    if (collegeId !== fourth)
      await reviewSubmission(db, {
        actor: { userId: people.registrarId, role: "registrar-staff", requestId: SEED },
        submissionId: receipt.submissionId,
        decision: "accept",
      });
  }
  // This year's returning roster of the fifth college, waiting for review.
  const enrolled = await db
    .select({ no: students.studentNo, name: students.name })
    .from(students)
    .where(and(eq(students.collegeId, fifth), eq(students.status, "enrolled"), inArray(students.grade, story.grades)))
    .orderBy(asc(students.studentNo));
  await submitSheet(db, {
    actor: { userId: people.secretaries.get(fifth) as number, role: "secretary", requestId: SEED },
    clientId: "demo-roster-returning",
    kind: "roster-returning",
    termCode: `${story.year}-${story.year + 1}-1`,
    collegeId: fifth,
    fileName: "在校生学年电子注册信息核对表.xlsx",
    grid: grid([
      ["学号", "姓名", "注册状态", "学生确认"],
      ...enrolled.map((s, i) => [s.no, s.name, i % 40 === 0 ? "暂缓注册" : "已注册", "是"]),
    ]),
    today: earlier(story.today, `${story.year}-09-18`),
  });
}

/**
 * Status-change applications at every stage, made through the real services on the days they were
 * made: one carried out weeks ago with its notice, one waiting for the registrar leader, one for the
 * college leader (filed days ago, so its deadline is still ahead), one draft from yesterday.
 */
export async function seedApplications(db: Db, random: () => number, story: DemoStory, people: DemoPeople): Promise<void> {
  const year = await currentAcademicYear(db, story.today);
  for (const [c, collegeId] of people.collegeIds.entries()) {
    const inCollege = await db
      .select({ studentNo: students.studentNo, status: students.status, grade: students.grade })
      .from(students)
      .where(eq(students.collegeId, collegeId))
      .orderBy(asc(students.studentNo));
    const [g1, g2, g3] = [story.grades[1], story.grades[2], story.grades[3]];
    // [type, student, the working days ago it was filed, the decisions it went through]
    const plan: Array<[ApplicationType, (typeof inCollege)[number] | undefined, number, number]> = [
      ["suspension", inCollege.find((s) => s.status === "enrolled" && s.grade === g2), 25 + c, 4],
      ["suspension", inCollege.find((s) => s.status === "enrolled" && s.grade === g1), 2, 1],
      ["resumption", inCollege.find((s) => s.status === "suspended"), 4, 2],
      ["withdrawal", inCollege.find((s) => s.status === "enrolled" && s.grade === g3), 1, 0],
    ];
    for (const [type, student, ago, decisions] of plan) {
      if (!student) continue;
      const workflow = await workflowInForce(db, type, year);
      const reason = pick(random, workflow.reasons);
      const filedOn = workingDaysBefore(story.today, ago);
      const secretary = { userId: people.secretaries.get(collegeId) as number, role: "secretary" as const, requestId: SEED, collegeId };
      const app = await fileApplication(db, {
        actor: secretary,
        scopeCollegeId: collegeId,
        studentNo: student.studentNo,
        type,
        reasonCode: reason.code,
        materials: requiredMaterials(workflow, reason.code) as Material[],
        // 休学 for a year from the day it is filed (its 起止日期).
        ...(workflow.period ? { periodStartsOn: filedOn, periodEndsOn: `${Number(filedOn.slice(0, 4)) + 1}${filedOn.slice(4)}` } : {}),
        today: filedOn,
      });
      if (decisions === 0) continue; // a draft
      const steps: Array<{
        actor: { userId: number; role: "secretary" | "college-leader" | "registrar-leader" | "registrar-staff" };
        action: "submit" | "advance";
        opinion?: string;
      }> = [
        { actor: secretary, action: "submit" },
        {
          actor: { userId: people.leaders.get(collegeId) as number, role: "college-leader" },
          action: "advance",
          opinion: "经学院党政联席会研究，同意",
        },
        { actor: { userId: people.registrarLeaderId, role: "registrar-leader" }, action: "advance", opinion: "同意" },
        { actor: { userId: people.registrarId, role: "registrar-staff" }, action: "advance", opinion: "已办理" },
      ];
      let version = 1;
      for (const [i, step] of steps.slice(0, decisions).entries()) {
        // Each decision a working day or two after the one before, never later than today.
        const day = workingDaysBefore(story.today, Math.max(0, ago - 2 * i));
        version = (
          await decideApplication(db, {
            actor: {
              ...step.actor,
              requestId: SEED,
              collegeId: step.actor.role === "secretary" || step.actor.role === "college-leader" ? collegeId : null,
            },
            applicationId: app.id,
            expectedVersion: version,
            action: step.action,
            ...(step.opinion ? { opinion: step.opinion } : {}),
            today: day,
          })
        ).version;
      }
    }
  }
}
