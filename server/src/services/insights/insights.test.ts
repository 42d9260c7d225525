import { DEFAULT_WORKFLOWS, requiredMaterials } from "@xueji/shared";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, type World } from "../../../test/world";
import { applications, graduationAudits, pendingItems, students } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";
import { termSheetProgress } from "../dashboard/sheet-progress";
import { median } from "./lead-times";

const DAY = "2026-11-23"; // a Monday

describe("median", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe.each(TEST_ENGINES)("dashboard insights on %s", (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents([
      { studentNo: "2025010001", name: "张三", collegeId: w.collegeA, majorId: w.majorA, grade: 2025 },
      { studentNo: "2025010002", name: "李四", collegeId: w.collegeA, majorId: w.majorA, grade: 2025 },
      { studentNo: "2025010003", name: "赵六", collegeId: w.collegeA, majorId: w.majorA, grade: 2025 },
      { studentNo: "2025020001", name: "王五", collegeId: w.collegeB, majorId: w.majorB, grade: 2025 },
    ]);
  }, 60_000);
  afterAll(() => w.database.close());

  async function fileSuspension(studentNo: string, secretary = "secretary-a") {
    const workflow = DEFAULT_WORKFLOWS.suspension;
    const reasonCode = workflow.reasons[0]?.code as string;
    return (await w.as(secretary, DAY)).applications.file({
      studentNo,
      type: "suspension",
      periodStartsOn: "2026-12-01",
      periodEndsOn: "2027-11-30",
      reasonCode,
      materials: requiredMaterials(workflow, reasonCode) as never,
    });
  }

  it("puts a draft in its college secretary's work, and after 报送 in the college leader's, with working days left", async () => {
    const filed = await fileSuspension("2025010001");
    const secretaryWork = await (await w.as("secretary-a", DAY)).insights.myWork({});
    expect(secretaryWork.items.map((i) => i.id)).toContain(filed.id);
    expect((await (await w.as("secretary-b", DAY)).insights.myWork({})).items.map((i) => i.id)).not.toContain(filed.id);
    expect((await (await w.as("leader-a", DAY)).insights.myWork({})).items.map((i) => i.id)).not.toContain(filed.id);

    const secretary = await w.as("secretary-a", DAY);
    const item = secretaryWork.items.find((i) => i.id === filed.id);
    await secretary.applications.submit({ applicationId: filed.id, expectedVersion: item?.version as number });
    const leaderWork = await (await w.as("leader-a", DAY)).insights.myWork({});
    const waiting = leaderWork.items.find((i) => i.id === filed.id);
    expect(waiting?.stage).toBe(DEFAULT_WORKFLOWS.suspension.stages[0]?.key);
    expect(waiting?.workingDaysLeft).toBe(DEFAULT_WORKFLOWS.suspension.deadlineWorkingDays);
    expect(waiting?.executedOn).toBeNull();
    expect((await (await w.as("leader-b", DAY)).insights.myWork({})).items.map((i) => i.id)).not.toContain(filed.id);
    // Two weeks on, the same item is overdue: working days left go negative.
    const late = (await (await w.as("leader-a", "2027-03-01")).insights.myWork({})).items.find((i) => i.id === filed.id);
    expect(late?.workingDaysLeft).toBeLessThan(0);
  });

  it("pages my work by cursor", async () => {
    await fileSuspension("2025010002");
    await fileSuspension("2025010003");
    const first = await (await w.as("secretary-a", DAY)).insights.myWork({ limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await (await w.as("secretary-a", DAY)).insights.myWork({ limit: 1, cursor: first.nextCursor as string });
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
  });

  it("puts first the deadline each runs against now: an overdue 学籍注销 before a 办理期限 ahead, none left last", async () => {
    const numbers = ["2025010004", "2025010005", "2025010006"];
    await w.insertStudents(
      numbers.map((studentNo) => ({ studentNo, name: "钱七", collegeId: w.collegeA, majorId: w.majorA, grade: 2025 })),
    );
    const [done, deregistering, toExecute] = (await Promise.all(numbers.map((no) => fileSuspension(no)))).map((filed) => filed.id) as [
      number,
      number,
      number,
    ];
    // Where the registrar's decisions would have taken them (the order is what is tested, not the chain).
    const at = (id: number, values: Partial<typeof applications.$inferInsert>) =>
      w.db.update(applications).set(values).where(eq(applications.id, id));
    await at(done, { stage: "reported", executedOn: "2026-11-02", dueOn: "2026-11-06", deregistrationDueOn: null });
    await at(deregistering, { stage: "reported", executedOn: "2026-11-02", dueOn: "2026-11-06", deregistrationDueOn: "2026-11-20" });
    await at(toExecute, { stage: "execution", executedOn: null, dueOn: "2026-11-30" });
    const mine = (await (await w.as("registrar", DAY)).insights.myWork({})).items.map((i) => i.id);
    expect(mine).toEqual([deregistering, toExecute, done]);
    await w.db.delete(applications).where(inArray(applications.id, [done, deregistering, toExecute]));
  });

  it("gives lead time per stage as the median working days between entering a stage and leaving it", async () => {
    const times = await (await w.as("registrar-leader", DAY)).insights.leadTimes({ since: "2026-08-01" });
    const draft = times.find((t) => t.stage === "draft");
    expect(draft).toEqual({ stage: "draft", decisions: 1, medianWorkingDays: 0 });
    // A college role sees its own college only.
    expect(await (await w.as("leader-b", DAY)).insights.leadTimes({ since: "2026-08-01" })).toEqual([]);
  });

  it("counts standing outcomes of the year by college, kind and state", async () => {
    const ids = await w.db.select({ id: students.id, collegeId: students.collegeId, studentNo: students.studentNo }).from(students);
    const by = (no: string) => ids.find((s) => s.studentNo === no) as { id: number; collegeId: number };
    await w.db.insert(pendingItems).values([
      {
        studentId: by("2025010001").id,
        collegeId: w.collegeA,
        kind: "warning-1",
        academicYear: "2026-2027",
        termCode: "2026-2027-1",
        figures: {},
      },
      {
        studentId: by("2025010002").id,
        collegeId: w.collegeA,
        kind: "warning-1",
        academicYear: "2026-2027",
        termCode: "2026-2027-1",
        figures: {},
      },
      { studentId: by("2025020001").id, collegeId: w.collegeB, kind: "dismissal", academicYear: "2026-2027", figures: {} },
    ]);
    const { academicYear, rows: all } = await (await w.as("registrar", DAY)).insights.standingByCollege({});
    expect(academicYear).toBe("2026-2027");
    expect(all.map((r) => [r.collegeId, r.kind, r.state, Number(r.count)])).toEqual([
      [w.collegeA, "warning-1", "pending", 2],
      [w.collegeB, "dismissal", "pending", 1],
    ]);
    const own = (await (await w.as("leader-b", DAY)).insights.standingByCollege({ academicYear: "2026-2027" })).rows;
    expect(own.map((r) => r.collegeId)).toEqual([w.collegeB]);
  });
});

describe.each(TEST_ENGINES)("exporting the applications view on %s", (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(engine);
    // A name Excel would read as a formula: the export must keep it text.
    await w.insertStudents([{ studentNo: "0025010001", name: "=HYPERLINK(1)", collegeId: w.collegeA, majorId: w.majorA, grade: 2025 }]);
    const workflow = DEFAULT_WORKFLOWS.suspension;
    const reasonCode = workflow.reasons[0]?.code as string;
    await (await w.as("secretary-a", DAY)).applications.file({
      studentNo: "0025010001",
      type: "suspension",
      periodStartsOn: "2026-12-01",
      periodEndsOn: "2027-11-30",
      reasonCode,
      materials: requiredMaterials(workflow, reasonCode) as never,
    });
  }, 60_000);
  afterAll(() => w.database.close());

  it("writes the chosen columns as text cells, leading zeros kept and formulas quoted", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const out = await (await w.as("registrar", DAY)).insights.exportApplications({ columns: ["studentNo", "name", "type", "stage"] });
    expect(out.rows).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.base64, "base64") as never);
    const ws = wb.worksheets[0];
    expect(ws?.getRow(2).values).toEqual([undefined, "学号", "姓名", "异动类型", "当前环节"]);
    expect(ws?.getRow(3).values).toEqual([undefined, "0025010001", "'=HYPERLINK(1)", "休学", "学院草稿"]);
    expect(ws?.getCell(3, 1).numFmt).toBe("@");
    const other = await (await w.as("secretary-b", DAY)).insights.exportApplications({ columns: ["studentNo"] });
    expect(other.rows).toBe(0);
  });
});

describe.each(TEST_ENGINES)("exporting graduation audit results on %s", (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents([
      { studentNo: "2022010001", name: "毕业生甲", collegeId: w.collegeA, majorId: w.majorA, grade: 2022 },
      { studentNo: "2022010002", name: "结业生乙", collegeId: w.collegeA, majorId: w.majorA, grade: 2022 },
      { studentNo: "2022020001", name: "外院丙", collegeId: w.collegeB, majorId: w.majorB, grade: 2022 },
    ]);
    const ids = new Map((await w.db.select({ id: students.id, no: students.studentNo }).from(students)).map((s) => [s.no, s.id]));
    const base = { cohort: 2026, degreeReasons: [], dataComplete: true, rulesVersion: 1 };
    await w.db.insert(graduationAudits).values([
      { ...base, studentId: ids.get("2022010001") as number, collegeId: w.collegeA, outcome: "graduate", degree: "award", reasons: [] },
      {
        ...base,
        studentId: ids.get("2022010002") as number,
        collegeId: w.collegeA,
        outcome: "complete",
        degree: "withhold",
        reasons: [{ code: "credits-short", earned: 150, required: 160 }],
        overrideOutcome: "graduate",
        overrideDegree: "withhold",
        overrideReason: "补考成绩已录入",
      },
      { ...base, studentId: ids.get("2022020001") as number, collegeId: w.collegeB, outcome: "graduate", degree: "award", reasons: [] },
    ]);
  }, 60_000);
  afterAll(() => w.database.close());

  it("lists the cohort with overrides applied, reasons named, a college role's own college only", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const read = async (base64: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(base64, "base64") as never);
      const ws = wb.worksheets[0];
      return Array.from({ length: (ws?.rowCount ?? 0) - 2 }, (_, i) => ((ws?.getRow(i + 3).values ?? []) as unknown[]).slice(1));
    };
    const all = await (await w.as("registrar")).insights.exportGraduation({ cohort: 2026 });
    expect(all.rows).toBe(3);
    const rows = await read(all.base64);
    expect(rows[1]).toEqual([
      "2022010002",
      "结业生乙",
      "信息工程学院",
      "计算机科学与技术",
      "毕业",
      "不授予",
      "学分不足",
      "学院初审",
      "补考成绩已录入",
    ]);
    const own = await (await w.as("leader-b")).insights.exportGraduation({ cohort: 2026 });
    expect((await read(own.base64)).map((r) => r[0])).toEqual(["2022020001"]);
  });
});

describe.each(TEST_ENGINES)("overview defaults on %s", (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(engine);
  }, 60_000);
  afterAll(() => w.database.close());

  it("reads check-sheet progress of the current term and audits of this year's graduating cohort when none is named", async () => {
    const registrar = await w.as("registrar", DAY);
    const progress = await registrar.insights.sheetProgress({});
    expect(progress.termCode).toBe("2026-2027-1");
    expect(new Set(progress.rows.map((r) => r.collegeId))).toEqual(new Set([w.collegeA, w.collegeB]));
    const own = await (await w.as("leader-a", DAY)).insights.sheetProgress({});
    expect(new Set(own.rows.map((r) => r.collegeId))).toEqual(new Set([w.collegeA]));
    const audits = await registrar.insights.auditPassRates({});
    expect(audits).toEqual({ cohort: 2027, rows: [] });
  });

  it("shows the last term's check sheets between terms, and none before the first term began", async () => {
    expect((await termSheetProgress(w.db, { today: "2027-02-01" })).termCode).toBe("2026-2027-1");
    expect(await termSheetProgress(w.db, { today: "2024-08-01" })).toEqual({ termCode: null, rows: [] });
  });
});
