import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { makeWorld, type World } from "../../../test/world";
import { auditEvents, statusChanges, students, verifyCounters } from "../../db/schema";
import { insertMajor } from "../../db/seed-basics";
import { TEST_ENGINES } from "../../db/test-database";
import { createHttpServer } from "../../http/server";
import { resetVerifyLimits, VERIFY_LIMIT } from "../../http/verify-routes";
import { KEEP_WINDOWS_MS, pruneWindows } from "../rate-window";

describe.each(TEST_ENGINES)("学籍统计 and 在读证明/学历证明 on %s", (engine) => {
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

  it("is the registrar's report to the school's leaders (seed 001 十): a college's roles are refused it", async () => {
    for (const username of ["leader-a", "secretary-a"]) {
      const college = await w.as(username);
      await expect(college.reports.headcount({ date: "2026-11-23" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(college.reports.headcountXlsx({ date: "2026-11-23" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const schoolLeader = await w.as("school-leader");
    expect(new Set((await schoolLeader.reports.headcount({ date: "2026-11-23" })).map((r) => r.collegeId))).toEqual(
      new Set([w.collegeA, w.collegeB]),
    );
    // 2026-02-29 does not exist (2026 is no leap year): refused at the input, never sent to the database.
    await expect(schoolLeader.reports.headcount({ date: "2026-02-29" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("exports the headcount as a text-only .xlsx over tRPC, the one way it is downloaded", async () => {
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
    // A day that does not exist, or has not yet come, is the reader's mistake: refused at the input, as on the page.
    const registrar = await w.as("registrar");
    await expect(registrar.reports.headcountXlsx({ date: "2026-02-30" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(registrar.reports.headcountXlsx({ date: "2026-11-24" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
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

    await resetVerifyLimits(w.db);
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
      await resetVerifyLimits(w.db);
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

  it("reprints a certificate (补打): same number marked 补打, a new code that verifies, the old code says it was replaced — audited", async () => {
    const secretary = await w.as("secretary-a");
    const original = await secretary.reports.issueDocument({ studentNo: "2025016003", kind: "enrolment" });
    const first = await secretary.reports.reprintDocument({ documentNo: original.documentNo });
    expect(first).toMatchObject({
      documentNo: original.documentNo,
      kind: "enrolment",
      issuedOn: "2026-11-23",
      reprintCount: 1,
      reprintedOn: "2026-11-23",
    });
    expect(first.verifyCode).not.toBe(original.verifyCode);
    expect(first.html).toContain("补打（第 1 次，2026年11月23日）");
    expect(first.html).toContain(`编号：${original.documentNo}`);
    // The words are the original's (kept with the paper), and the paper keeps its issue date.
    expect(first.html).toContain("兹证明 丙（学号 2025016003）");
    expect(original.html).not.toContain("补打");
    const second = await secretary.reports.reprintDocument({ documentNo: original.documentNo });
    expect(second.reprintCount).toBe(2);
    expect(second.html).toContain("补打（第 2 次，2026年11月23日）");

    await resetVerifyLimits(w.db);
    const { base, close } = await w.serve();
    try {
      const check = async (code: string) => {
        const res = await fetch(`${base}/api/verify/${code}`);
        return { status: res.status, body: (await res.json()) as Record<string, unknown> };
      };
      // Only the newest code verifies — and shows the name, the status and the date, nothing more.
      expect(await check(second.verifyCode)).toEqual({
        status: 200,
        body: { valid: true, title: "证明有效：在读证明", kind: "enrolment", name: "丙", status: "在读", date: "2026-11-23" },
      });
      // Every replaced paper's code: never valid, and nothing of the record (no name, number or kind) — only that it was replaced, and when.
      for (const code of [original.verifyCode, first.verifyCode]) {
        const { status, body } = await check(code);
        expect(status).toBe(410);
        expect(body).toEqual({
          valid: false,
          superseded: true,
          title: "该证明已补打，原件作废",
          message: "该证明已于2026年11月23日补打，此核验码所在的纸本作废，以新证明为准；请向持有人索取补打后的证明并核验其上的新核验码。",
          reprintedOn: "2026-11-23",
        });
      }
      const page = await (await fetch(`${base}/verify/${original.verifyCode}`)).text();
      expect(page).toContain("该证明已补打，原件作废");
      expect(page).not.toContain("丙");
      expect(page).not.toContain(original.documentNo);
      const valid = await (await fetch(`${base}/verify/${second.verifyCode}`)).text();
      expect(valid).toContain("姓名 / Name：丙");
      expect(valid).not.toContain(original.documentNo);
    } finally {
      close();
      await resetVerifyLimits(w.db);
    }

    const events = await w.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "document.reprint"), eq(auditEvents.entityId, original.documentNo)));
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [
        { reprintCount: 0, reprintedOn: null },
        { kind: "enrolment", studentNo: "2025016003", reprintCount: 1, reprintedOn: "2026-11-23" },
      ],
      [
        { reprintCount: 1, reprintedOn: "2026-11-23" },
        { kind: "enrolment", studentNo: "2025016003", reprintCount: 2, reprintedOn: "2026-11-23" },
      ],
    ]);
    expect(JSON.stringify(events)).not.toContain(second.verifyCode);
    expect(
      (await secretary.reports.documents({ studentNo: "2025016003" })).find((d) => d.documentNo === original.documentNo),
    ).toMatchObject({
      reprintCount: 2,
      statusShown: "在读",
    });
  });

  it("counts two reprints at the same moment one after the other, each retiring the code before it", async () => {
    const registrar = await w.as("registrar");
    const original = await registrar.reports.issueDocument({ studentNo: "2024016001", kind: "enrolment" });
    const both = await Promise.all([
      registrar.reports.reprintDocument({ documentNo: original.documentNo }),
      registrar.reports.reprintDocument({ documentNo: original.documentNo }),
    ]);
    expect(both.map((d) => d.reprintCount).sort()).toEqual([1, 2]);
    const [list] = (await registrar.reports.documents({ studentNo: "2024016001" })).filter((d) => d.documentNo === original.documentNo);
    expect(list?.reprintCount).toBe(2);
    const { base, close } = await w.serve();
    try {
      await resetVerifyLimits(w.db);
      const latest = both.find((d) => d.reprintCount === 2) as (typeof both)[number];
      const earlier = both.find((d) => d.reprintCount === 1) as (typeof both)[number];
      expect((await fetch(`${base}/api/verify/${latest.verifyCode}`)).status).toBe(200);
      expect((await fetch(`${base}/api/verify/${earlier.verifyCode}`)).status).toBe(410);
      expect((await fetch(`${base}/api/verify/${original.verifyCode}`)).status).toBe(410);
    } finally {
      close();
      await resetVerifyLimits(w.db);
    }
  });

  it("reprints only what the reprinter may issue, only while the record allows the paper, and another college's paper is unknown", async () => {
    const registrar = await w.as("registrar");
    const education = await registrar.reports.issueDocument({ studentNo: "2024016001", kind: "education" });
    // 学历证明 is the registrar's (seed 000 三), so is its reprint.
    await expect((await w.as("secretary-a")).reports.reprintDocument({ documentNo: education.documentNo })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const enrolment = await registrar.reports.issueDocument({ studentNo: "2025016003", kind: "enrolment" });
    await expect((await w.as("secretary-b")).reports.reprintDocument({ documentNo: enrolment.documentNo })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(registrar.reports.reprintDocument({ documentNo: "ZD2026999999" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Suspended since: a fresh 在读 paper would misdescribe the student today — no reprint, and the old code stays valid.
    await w.db.update(students).set({ status: "suspended" }).where(eq(students.studentNo, "2025016003"));
    try {
      await expect(registrar.reports.reprintDocument({ documentNo: enrolment.documentNo })).rejects.toMatchObject({
        cause: { code: "document.not-eligible", params: { status: "休学" } },
      });
    } finally {
      await w.db.update(students).set({ status: "enrolled" }).where(eq(students.studentNo, "2025016003"));
    }
  });

  it("shares the verification page's rate limit between two server instances on one database", async () => {
    await resetVerifyLimits(w.db);
    const one = await w.serve();
    // A second copy of the server's modules: nothing kept in one instance's memory is seen by the other.
    vi.resetModules();
    const second = await import("../../http/server");
    const other = second.createHttpServer(w.database, { today: () => "2026-11-23" });
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    const otherBase = `http://127.0.0.1:${(other.address() as { port: number }).port}`;
    try {
      const statuses: number[] = [];
      for (let i = 0; i < VERIFY_LIMIT; i++) {
        const base = i % 2 === 0 ? one.base : otherBase;
        statuses.push((await fetch(`${base}/api/verify/ZZZZZZZZZZZZZZZZZZZZZZZZ`)).status);
      }
      expect(statuses.every((s) => s === 404)).toBe(true);
      // The limit is reached across both: the next lookup is refused by either instance.
      const refused = await fetch(`${otherBase}/api/verify/ZZZZZZZZZZZZZZZZZZZZZZZZ`);
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe("600");
      expect((await fetch(`${one.base}/api/verify/ZZZZZZZZZZZZZZZZZZZZZZZZ`)).status).toBe(429);
      const [row] = await w.db.select().from(verifyCounters);
      expect(row?.attempts).toBe(VERIFY_LIMIT + 2);
      // Concurrent lookups are counted exactly (one upsert-and-return each).
      await resetVerifyLimits(w.db);
      const burst = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          fetch(`${i % 2 ? one.base : otherBase}/api/verify/ZZZZZZZZZZZZZZZZZZZZZZZZ`).then((r) => r.status),
        ),
      );
      expect(burst.filter((s) => s === 404)).toHaveLength(VERIFY_LIMIT);
      expect(burst.filter((s) => s === 429)).toHaveLength(30 - VERIFY_LIMIT);
    } finally {
      one.close();
      other.close();
      await resetVerifyLimits(w.db);
    }
  });

  it("keys the verification limit by the forwarded address only behind a trusted proxy (XUEJI_TRUST_PROXY=1)", async () => {
    const lookups = async (base: string, forwardedFor: string, n: number) => {
      const statuses: number[] = [];
      for (let i = 0; i < n; i++)
        statuses.push(
          (await fetch(`${base}/api/verify/ZZZZZZZZZZZZZZZZZZZZZZZZ`, { headers: { "x-forwarded-for": forwardedFor } })).status,
        );
      return statuses;
    };
    const start = async (trustProxy: boolean) => {
      const server = createHttpServer(w.database, { today: () => "2026-11-23", trustProxy });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      return { base: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => server.close() };
    };
    await resetVerifyLimits(w.db);
    const direct = await start(false);
    try {
      // Not behind a proxy: a client inventing X-Forwarded-For is still counted by its own address.
      const statuses = [...(await lookups(direct.base, "10.0.0.1", VERIFY_LIMIT)), ...(await lookups(direct.base, "10.0.0.2", 1))];
      expect(statuses.at(-1)).toBe(429);
      expect((await w.db.select({ key: verifyCounters.key }).from(verifyCounters)).map((r) => r.key)).toEqual(["address:127.0.0.1"]);
    } finally {
      direct.close();
    }
    await resetVerifyLimits(w.db);
    const proxied = await start(true);
    try {
      // Behind the proxy every request comes from it: the client is the last X-Forwarded-For entry (the one the proxy added).
      expect((await lookups(proxied.base, "203.0.113.9, 198.51.100.7", VERIFY_LIMIT + 1)).at(-1)).toBe(429);
      expect(await lookups(proxied.base, "203.0.113.9, 198.51.100.8", 1)).toEqual([404]);
      // An IPv6 client is counted by its /64 (any address of it is the same client); an IPv4-mapped one as IPv4.
      expect((await lookups(proxied.base, "2001:db8:1:2::1", VERIFY_LIMIT)).at(-1)).toBe(404);
      expect(await lookups(proxied.base, "2001:0db8:0001:0002:ffff:0:0:9", 1)).toEqual([429]);
      expect(await lookups(proxied.base, "2001:db8:1:3::1", 1)).toEqual([404]);
      expect(await lookups(proxied.base, "::ffff:198.51.100.8", 1)).toEqual([404]);
      const keys = (await w.db.select({ key: verifyCounters.key, attempts: verifyCounters.attempts }).from(verifyCounters)).sort((a, b) =>
        a.key.localeCompare(b.key),
      );
      expect(keys).toEqual([
        { key: "address:198.51.100.7", attempts: VERIFY_LIMIT + 1 },
        { key: "address:198.51.100.8", attempts: 2 },
        { key: "address:2001:db8:1:2::/64", attempts: VERIFY_LIMIT + 1 },
        { key: "address:2001:db8:1:3::/64", attempts: 1 },
      ]);
    } finally {
      proxied.close();
      await resetVerifyLimits(w.db);
    }
  });

  it("drops verification windows opened over a day ago, so addresses seen once do not pile up", async () => {
    await resetVerifyLimits(w.db);
    const now = new Date("2026-11-23T12:00:00Z");
    await w.db.insert(verifyCounters).values([
      { key: "address:old", windowStartedAt: new Date(now.getTime() - KEEP_WINDOWS_MS - 1000), attempts: 3 },
      { key: "address:recent", windowStartedAt: new Date(now.getTime() - 60_000), attempts: 1 },
    ]);
    expect(await pruneWindows(w.db, "verify_counters", now)).toBe(1);
    expect((await w.db.select({ key: verifyCounters.key }).from(verifyCounters)).map((r) => r.key)).toEqual(["address:recent"]);
    await resetVerifyLimits(w.db);
  });
});
