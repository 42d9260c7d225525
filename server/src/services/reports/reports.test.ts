import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, type World } from "../../../test/world";
import { statusChanges, students } from "../../db/schema";
import { insertMajor } from "../../db/seed-basics";
import { TEST_ENGINES } from "../../db/test-database";
import { resetVerifyLimits, VERIFY_LIMIT } from "../../http/verify-routes";

describe.each(TEST_ENGINES)("学籍统计 and 在读证明/学历证明 on %s (issue 11)", (engine) => {
  let w: World;
  let majorA2: number;
  beforeAll(async () => {
    w = await makeWorld(engine);
    majorA2 = await insertMajor(w.db, w.collegeA, "080902", "软件工程");
    await w.insertStudents([
      { studentNo: "2024016001", name: "甲", collegeId: w.collegeA, majorId: w.majorA, grade: 2024 },
      { studentNo: "2024016002", name: "乙", collegeId: w.collegeA, majorId: w.majorA, grade: 2024 },
      { studentNo: "2025016003", name: "丙", collegeId: w.collegeA, majorId: w.majorA, grade: 2025 },
      { studentNo: "2026016004", name: "丁", collegeId: w.collegeA, majorId: w.majorA, grade: 2026 },
      { studentNo: "2025026005", name: "戊", collegeId: w.collegeB, majorId: w.majorB, grade: 2025 },
    ]);
    // 乙 was suspended on 15 October 2026 and moved to 软件工程 on 20 October: the record says now, the history says when.
    const [b] = await w.db
      .update(students)
      .set({ status: "suspended", majorId: majorA2 })
      .where(eq(students.studentNo, "2024016002"))
      .returning({ id: students.id });
    await w.db.insert(statusChanges).values([
      { studentId: b?.id as number, field: "status", before: "enrolled", after: "suspended", at: new Date("2026-10-15T10:00:00+08:00") },
      { studentId: b?.id as number, field: "majorId", before: w.majorA, after: majorA2, at: new Date("2026-10-20T23:30:00+08:00") },
    ]);
  }, 60_000);
  afterAll(() => w.database.close());

  const table = (rows: Array<{ majorName: string; grade: number; statusName: string; count: number }>) =>
    rows.map((r) => `${r.majorName}/${r.grade}/${r.statusName}=${r.count}`);

  it("counts by college × major × grade × status as of a date, read back through the history (seed 001 十)", async () => {
    const registrar = await w.as("registrar");
    expect(table(await registrar.reports.headcount({ date: "2026-11-23", collegeId: w.collegeA }))).toEqual([
      "计算机科学与技术/2024/在读=1",
      "计算机科学与技术/2025/在读=1",
      "计算机科学与技术/2026/在读=1",
      "软件工程/2024/休学=1",
    ]);
    // As of 19 October: suspended, still in the old major (the change at 23:30 China time on the 20th is after).
    expect(table(await registrar.reports.headcount({ date: "2026-10-19", collegeId: w.collegeA }))).toEqual([
      "计算机科学与技术/2024/在读=1",
      "计算机科学与技术/2024/休学=1",
      "计算机科学与技术/2025/在读=1",
      "计算机科学与技术/2026/在读=1",
    ]);
    // Before the 2026 grade enrolled (1 September) and before the suspension.
    expect(table(await registrar.reports.headcount({ date: "2026-08-31", collegeId: w.collegeA }))).toEqual([
      "计算机科学与技术/2024/在读=2",
      "计算机科学与技术/2025/在读=1",
    ]);
    // The end of 20 October in China includes the change made at 23:30 that evening.
    expect(table(await registrar.reports.headcount({ date: "2026-10-20", collegeId: w.collegeA }))).toContain("软件工程/2024/休学=1");
    expect((await registrar.reports.headcount({ date: "2026-11-23" })).reduce((n, r) => n + r.count, 0)).toBe(5);
    await expect(registrar.reports.headcount({ date: "2027-01-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("keeps a college's leader to its own college", async () => {
    const leader = await w.as("leader-a");
    expect(new Set((await leader.reports.headcount({ date: "2026-11-23" })).map((r) => r.collegeId))).toEqual(new Set([w.collegeA]));
    await expect(leader.reports.headcount({ date: "2026-11-23", collegeId: w.collegeB })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("exports the headcount as a text-only .xlsx, over tRPC and at /api/export/headcount.xlsx", async () => {
    const { base64, fileName } = await (await w.as("registrar")).reports.headcountXlsx({ date: "2026-11-23" });
    expect(fileName).toBe("学籍统计_2026-11-23.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(base64, "base64") as never);
    const ws = wb.getWorksheet("学籍统计");
    expect(ws?.getRow(1).getCell(1).value).toBe("学籍统计（截至 2026-11-23）");
    expect(ws?.getRow(2).values).toEqual([undefined, "学院", "专业代码", "专业名称", "层次", "年级", "学籍状态", "人数"]);
    expect(ws?.getRow(3).values).toEqual([undefined, "信息工程学院", "080901", "计算机科学与技术", "本科", "2024", "在读", "1"]);
    expect(ws?.getRow(3).getCell(2).numFmt).toBe("@");
    expect(ws?.getRow(ws.rowCount).values).toEqual([undefined, "合计", "", "", "", "", "", "5"]);
    const { base, close } = await w.serve();
    try {
      const res = await fetch(`${base}/api/export/headcount.xlsx?date=2026-11-23`, {
        headers: { authorization: `Bearer ${w.tokens.get("registrar")}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-disposition")).toContain(encodeURIComponent("学籍统计_2026-11-23.xlsx"));
    } finally {
      close();
    }
  });

  it("issues a numbered, printable 在读证明 anyone can verify at /verify/<code> — name, status and date only", async () => {
    const secretary = await w.as("secretary-a");
    const doc = await secretary.reports.issueDocument({ studentNo: "2024016001", kind: "enrolment" });
    expect(doc).toMatchObject({ documentNo: "ZD2026000001", kind: "enrolment", issuedOn: "2026-11-23" });
    expect(doc.verifyCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{24}$/);
    expect(doc.html).toContain("在读证明");
    expect(doc.html).toContain("兹证明 甲（学号 2024016001）");
    expect(doc.html).toContain(`/verify/${doc.verifyCode}`);
    const again = await secretary.reports.issueDocument({ studentNo: "2024016001", kind: "enrolment" });
    expect(again.documentNo).toBe("ZD2026000002");
    expect(again.verifyCode).not.toBe(doc.verifyCode);

    resetVerifyLimits();
    const { base, close } = await w.serve();
    try {
      const json = await fetch(
        `${base}/api/verify/${doc.verifyCode
          .toLowerCase()
          .replace(/(.{4})/g, "$1-")
          .slice(0, -1)}`,
      );
      expect(json.status).toBe(200);
      const body = await json.json();
      expect(body).toEqual({ valid: true, title: "证明有效：在读证明", kind: "enrolment", name: "甲", status: "在读", date: "2026-11-23" });
      const html = await (await fetch(`${base}/verify/${doc.verifyCode}`)).text();
      expect(html).toContain("姓名 / Name：甲");
      expect(html).not.toContain("2024016001");
      expect((await fetch(`${base}/api/verify/ZZZZZZZZZZZZZZZZZZZZZZZZ`)).status).toBe(404);
      // Rate-limited per address: trying codes gets nowhere.
      const statuses: number[] = [];
      for (let i = 0; i < VERIFY_LIMIT; i++) statuses.push((await fetch(`${base}/api/verify/${doc.verifyCode}`)).status);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      close();
      resetVerifyLimits();
    }
  });

  it("issues 学历证明 at the registrar only (seed 000 三 到教务处学籍科办理), and nothing for a student the paper would misdescribe", async () => {
    await expect((await w.as("secretary-a")).reports.issueDocument({ studentNo: "2024016001", kind: "education" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const registrar = await w.as("registrar");
    await expect(registrar.reports.issueDocument({ studentNo: "2024016002", kind: "enrolment" })).rejects.toMatchObject({
      cause: { code: "document.not-eligible", params: { status: "休学" } },
    });
    // 2026 grade: not graduating within a year — no 学历证明 yet.
    await expect(registrar.reports.issueDocument({ studentNo: "2026016004", kind: "education" })).rejects.toMatchObject({
      cause: { code: "document.not-eligible" },
    });
    await w.db.update(students).set({ expectedGraduationDate: "2027-06-30" }).where(eq(students.studentNo, "2024016001"));
    const doc = await registrar.reports.issueDocument({ studentNo: "2024016001", kind: "education" });
    expect(doc.documentNo).toBe("XL2026000001");
    expect(doc.html).toContain("预计 2027-06-30 毕业");
    await expect((await w.as("secretary-a")).reports.issueDocument({ studentNo: "2025026005", kind: "enrolment" })).rejects.toMatchObject({
      cause: { code: "student.unknown" },
    });
  });
});
