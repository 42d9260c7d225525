import { desc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, type World } from "../../../test/world";
import { applications, auditEvents, registrations, students, users } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";
import { createLogger } from "../../logger";
import { XUEXIN_COLUMNS } from "./registration-export";
import { safeText } from "./write-text-workbook";

async function read(buffer: ArrayBuffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer);
  return wb.worksheets[0] as ExcelJS.Worksheet;
}

describe.each(TEST_ENGINES)("reporting upward on %s", (engine) => {
  let w: World;
  let base: string;
  let stop: () => void;
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents([
      { studentNo: "2025010001", name: "张三", collegeId: w.collegeA, majorId: w.majorA, grade: 2025 },
      { studentNo: "2025010002", name: '=HYPERLINK("x")', collegeId: w.collegeA, majorId: w.majorA, grade: 2025 },
      { studentNo: "2025010003", name: "未注册", collegeId: w.collegeA, majorId: w.majorA, grade: 2025 },
    ]);
    const ids = await w.db.select({ id: students.id, no: students.studentNo }).from(students);
    await w.db.update(students).set({ examNo: "25430101150012" });
    await w.db
      .insert(registrations)
      .values(ids.filter((s) => s.no !== "2025010003").map((s) => ({ studentId: s.id, academicYear: "2025-2026", status: "registered" })));
    ({ base, close: stop } = await w.serve());
  }, 60_000);
  afterAll(async () => {
    stop();
    await w.database.close();
  });

  const get = (path: string, user: string | null) =>
    fetch(`${base}${path}`, { headers: user ? { authorization: `Bearer ${w.tokens.get(user)}` } : {} });
  /** A download procedure's answer as the workbook the browser saves. */
  const sheetOf = (download: { base64: string }) => read(Uint8Array.from(Buffer.from(download.base64, "base64")).buffer);
  const registrationOf = async (user: string, input: { academicYear: string; collegeId?: number }) =>
    (await w.as(user)).exports.registrationXlsx(input);

  it("puts each download of personal data on the audit chain, and the downloader on the request's log line", async () => {
    const lines: Array<Record<string, unknown>> = [];
    const logged = await w.serve(undefined, createLogger({ write: (line: string) => lines.push(JSON.parse(line)) }));
    try {
      const input = encodeURIComponent(JSON.stringify({ academicYear: "2025-2026" }));
      const res = await fetch(`${logged.base}/api/trpc/exports.registrationXlsx?input=${input}`, {
        headers: { authorization: `Bearer ${w.tokens.get("registrar")}` },
      });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    } finally {
      logged.close();
    }
    const [registrar] = await w.db.select({ id: users.id }).from(users).where(eq(users.username, "registrar"));
    const [event] = await w.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "export.download"))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(event).toMatchObject({
      userId: registrar?.id,
      entity: "export",
      entityId: "学籍注册_2025-2026.xlsx",
      after: { academicYear: "2025-2026" },
    });
    await expect.poll(() => lines.find((l) => l.procedure === "exports.registrationXlsx")?.userId).toBe(registrar?.id);
  });

  it("exports a year's registration in the 学信网 columns with every cell as text, no digit lost", async () => {
    const download = await registrationOf("registrar", { academicYear: "2025-2026" });
    expect(download.fileName).toBe("学籍注册_2025-2026.xlsx");
    const ws = await sheetOf(download);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...XUEXIN_COLUMNS]);
    expect(ws.rowCount).toBe(3);
    const [zhang] = await w.db.select().from(students).where(eq(students.studentNo, "2025010001"));
    const row = (ws.getRow(2).values as unknown[]).slice(1);
    expect(row.slice(0, 10)).toEqual([
      "25430101150012",
      "2025010001",
      "张三",
      zhang?.gender === "1" ? "男" : "女",
      zhang?.birthDate.replace(/-/g, ""),
      // ZJLX: the document the number is read by (学信网 registers 港澳台 and foreign students with theirs).
      "居民身份证",
      zhang?.idNumber,
      "共青团员",
      "汉族",
      "080901",
    ]);
    expect(row.slice(11, 15)).toEqual(["本科", "4", "普通全日制", "20250901"]);
    for (const cell of row) expect(typeof cell).toBe("string");
    expect(ws.getRow(2).getCell(7).numFmt).toBe("@");
    // A value that would be a formula is quoted.
    expect(ws.getRow(3).getCell(3).value).toBe('\'=HYPERLINK("x")');
  });

  it("exports one college's registration when the 注册 page asks with collegeId, and refuses a collegeId that is not an id", async () => {
    const ws = await sheetOf(await registrationOf("registrar", { academicYear: "2025-2026", collegeId: w.collegeA }));
    const nos = Array.from({ length: ws.rowCount - 1 }, (_, i) => String(ws.getRow(i + 2).getCell(2).value));
    expect(nos).toEqual(["2025010001", "2025010002"]);
    // College B registered nobody: the header alone.
    expect((await sheetOf(await registrationOf("registrar", { academicYear: "2025-2026", collegeId: w.collegeB }))).rowCount).toBe(1);
    const input = encodeURIComponent(JSON.stringify({ academicYear: "2025-2026", collegeId: "abc" }));
    const bad = await get(`/api/trpc/exports.registrationXlsx?input=${input}`, "registrar");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain("collegeId");
  });

  it("exports a 公示 list for a batch of decisions", async () => {
    const secretary = await w.as("secretary-a");
    const app = await secretary.applications.file({
      studentNo: "2025010001",
      type: "suspension",
      reasonCode: "10",
      materials: ["application-form", "student-id-copy", "parent-id-copy", "diagnosis"],
    });
    const leader = await w.as("registrar-leader");
    const download = await leader.exports.decisionListXlsx({ ids: [app.id], title: "2026年第3批学籍异动公示名单" });
    expect(download.fileName).toBe("2026年第3批学籍异动公示名单.xlsx");
    const ws = await sheetOf(download);
    expect(ws.getRow(1).getCell(1).value).toBe("2026年第3批学籍异动公示名单");
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual([
      "1",
      "2025010001",
      "张三",
      "信息工程学院",
      "计算机科学与技术",
      "休学",
      "疾病",
      "",
    ]);
  });

  it("takes a 公示 list of 5,000 ids over HTTP (more than a URL can carry), and refuses a malformed one clearly", async () => {
    const [app] = await w.db.select({ id: applications.id }).from(applications).limit(1);
    const ids = Array.from({ length: 5_000 }, (_, i) => i + 1);
    if (app && !ids.includes(app.id)) ids[0] = app.id;
    const post = (body: unknown, user = "registrar-leader") =>
      fetch(`${base}/api/trpc/exports.decisionListXlsx`, {
        method: "POST",
        headers: { authorization: `Bearer ${w.tokens.get(user)}`, "content-type": "application/json", "accept-language": "zh-CN" },
        body: JSON.stringify(body),
      });
    const res = await post({ ids, title: "2026年第4批学籍异动公示名单" });
    expect(res.status).toBe(200);
    const { result } = (await res.json()) as { result: { data: { base64: string } } };
    const ws = await sheetOf(result.data);
    expect(ws.getRow(1).getCell(1).value).toBe("2026年第4批学籍异动公示名单");
    expect(ws.getRow(3).getCell(2).value).toBe("2025010001");
    // The same list in a URL breaks Node's 16 KB header limit: the reason it is a mutation.
    expect(`ids=${ids.join(",")}`.length).toBeGreaterThan(16 * 1024);
    const bad = await post({ ids: [1, 2_147_483_648] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(
      /^提交的数据不符合要求：“ids\.1”超出上限 2147483647。/,
    );
    expect((await post({ ids }, "secretary-a")).status).toBe(403);
  });

  it("is the registrar's only, and says so", async () => {
    await expect(registrationOf("secretary-a", { academicYear: "2025-2026" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect((await w.as("secretary-a")).exports.decisionListXlsx({ ids: [1] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(registrationOf("registrar", { academicYear: "2025" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await get("/api/export/record.xlsx", null)).status).toBe(401);
    const forbidden = await get("/api/export/record.xlsx", "secretary-a");
    expect(forbidden.status).toBe(403);
    expect(await forbidden.text()).toContain("没有执行此操作的权限");
  });

  it("sends the whole record as a file, its download on the audit chain", async () => {
    const res = await get("/api/export/record.xlsx", "registrar");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(encodeURIComponent("学籍档案_"));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(workbook.getWorksheet("学生")?.rowCount).toBeGreaterThan(3);
    const [event] = await w.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "export.download"))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(event).toMatchObject({ entity: "export", after: { record: true } });
    expect(event?.entityId).toMatch(/^学籍档案_\d{4}-\d{2}-\d{2}\.xlsx$/);
  });

  it("quotes what Excel would take for a formula", () => {
    expect([safeText("=1+1"), safeText("+86"), safeText("-3"), safeText("@SUM"), safeText("张三"), safeText(null)]).toEqual([
      "'=1+1",
      "'+86",
      "'-3",
      "'@SUM",
      "张三",
      "",
    ]);
  });
});
