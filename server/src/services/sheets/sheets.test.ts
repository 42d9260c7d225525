import { TRPCError } from "@trpc/server";
import { receiptCode } from "@xueji/shared";
import { count, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAILED_HEADER, failedRows, gridOf } from "../../../test/grid";
import { makeWorld, type World } from "../../../test/world";
import { auditEvents, type pendingItems, sheetRows, sheetSubmissions, students } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";
import { submitSheet } from "./submit-sheet";

const ROSTER_HEADER = ["学号", "姓名", "身份证号", "注册状态"];
const STEMS = "甲乙丙丁戊己庚辛壬癸子丑";

describe.each(TEST_ENGINES)("check sheets through the API on %s", (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents([
      {
        studentNo: "2025010001",
        name: "张三",
        collegeId: w.collegeA,
        majorId: w.majorA,
        grade: 2025,
        birthDate: "2007-03-15",
        gender: "1",
      },
      { studentNo: "2025010002", name: "李四", collegeId: w.collegeA, majorId: w.majorA, grade: 2025 },
      { studentNo: "2025010003", name: "王五", collegeId: w.collegeA, majorId: w.majorA, grade: 2025, status: "withdrawn" },
      { studentNo: "2025020001", name: "赵六", collegeId: w.collegeB, majorId: w.majorB, grade: 2025 },
      ...Array.from({ length: 12 }, (_, i) => ({
        studentNo: `20240100${String(i + 10)}`,
        name: `学生${STEMS[i]}`,
        collegeId: w.collegeA,
        majorId: w.majorA,
        grade: 2024,
      })),
    ]);
  }, 60_000);
  afterAll(() => w.database.close());

  const count_ = async (table: typeof sheetSubmissions | typeof sheetRows | typeof auditEvents | typeof pendingItems) =>
    (await w.db.select({ n: count() }).from(table))[0]?.n ?? 0;

  it("checks a sheet against the record: unknown, other college, impossible status, changed identity", async () => {
    const secretary = await w.as("secretary-a");
    const [zhang] = await w.db.select().from(students).where(eq(students.studentNo, "2025010001"));
    const grid = gridOf([
      ROSTER_HEADER,
      ["2025010001", "张叁", zhang?.idNumber ?? "", "已注册"], // name differs from the record
      ["2025019999", "某人", null, "已注册"], // not in the record
      ["2025020001", "赵六", null, "已注册"], // college B's student
      ["2025010003", "王五", null, "已注册"], // 退学: cannot be on a returning roster
      // biome-ignore lint/correctness/noPrecisionLoss: the number Excel stores for a typed ID
      ["2025010002", "李四", 430103200405011234, "暂缓注册"], // Excel ate the ID; the record has it
    ]);
    const verdict = await secretary.sheets.validate({ termCode: "2025-2026-1", grid });
    expect(verdict.kind).toBe("roster-returning");
    expect(verdict.issues.map((i) => [i.row, i.column, i.code, i.suggestion ?? null])).toEqual([
      [2, "B", "record.identity-changed", "张三"],
      [3, "A", "record.unknown-student", null],
      [4, "A", "record.unknown-student", null], // another college's: told like an unknown one
      [5, "A", "record.status-conflict", null],
      [6, "C", "id.precision-lost", null],
      [6, "C", "record.id-on-record", expect.stringMatching(/^\d{17}[\dX]$/)],
    ]);
    expect(verdict.issues[2]?.message).toBe("学号“2025020001”在学籍库中不存在，请核对学号。");
    expect(verdict.issues[3]?.message).toBe("该生学籍状态为“退学”，不应出现在在校生学年电子注册信息核对表中。");
    expect(await count_(sheetSubmissions)).toBe(0); // validating writes nothing
  });

  it("refuses a sheet with errors where the template does not allow it, writing nothing", async () => {
    const secretary = await w.as("secretary-a");
    const before = await count_(auditEvents);
    const attempt = secretary.sheets.submit({
      clientId: "with-errors-0001",
      termCode: "2025-2026-1",
      grid: gridOf([ROSTER_HEADER, ["2025019999", "某人", null, "已注册"]]),
    });
    await expect(attempt).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { code: "sheet.has-errors" } });
    expect(await count_(sheetSubmissions)).toBe(0);
    expect(await count_(auditEvents)).toBe(before);
  });

  it("stores each row with the reader's issues and then the record's, as the pane was told them", async () => {
    // On PostgreSQL the record's issues are added to rows already stored; on PGlite they are stored at once.
    // A template that takes sheets with errors, so that the record's errors are stored, not refused.
    const { DEFAULT_TEMPLATES } = await import("@xueji/shared");
    const { kind: _k, version: _v, ...template } = DEFAULT_TEMPLATES["roster-returning"];
    expect(
      await (await w.as("registrar-leader")).settings.publish({
        kind: "sheet-template",
        key: "roster-returning",
        validFrom: "2024-2025",
        value: { ...template, allowSubmitWithErrors: true },
        reason: "补报学年的名单可带错误提交",
      }),
    ).toMatchObject({ status: "published" });
    const term = "2024-2025-2";
    const secretary = await w.as("secretary-a");
    const [zhang] = await w.db.select().from(students).where(eq(students.studentNo, "2025010001"));
    const grid = gridOf([
      ROSTER_HEADER,
      ["2025010001", "张叁", zhang?.idNumber ?? "", "已注册"], // the record's issue alone
      // biome-ignore lint/correctness/noPrecisionLoss: the number Excel stores for a typed ID
      ["2025010002", "李四", 430103200405011234, "暂缓"], // the reader's, then the record's, on one row
      ["2024010010", "学生甲", null, "已注册"], // none
    ]);
    const verdict = await secretary.sheets.validate({ termCode: term, grid });
    expect(verdict.issues.map((i) => [i.row, i.code])).toEqual(
      expect.arrayContaining([
        [2, "record.identity-changed"],
        [3, "id.precision-lost"],
        [3, "record.id-on-record"],
      ]),
    );
    const errors = verdict.issues.filter((i) => i.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    const byCode: Record<string, number> = {};
    for (const i of verdict.issues) byCode[i.code] = (byCode[i.code] ?? 0) + 1;
    const receipt = await secretary.sheets.submit({ clientId: "record-after-0001", termCode: term, grid });
    expect(receipt).toMatchObject({
      rows: 3,
      errors: errors.length,
      rowsWithErrors: new Set(errors.map((i) => i.row)).size,
      warnings: verdict.issues.filter((i) => i.severity === "warning").length,
      infos: verdict.issues.filter((i) => i.severity === "info").length,
      byCode,
    });
    const stored = await w.db
      .select({ row: sheetRows.rowNumber, issues: sheetRows.issues, errors: sheetRows.errorCount })
      .from(sheetRows)
      .where(eq(sheetRows.submissionId, receipt.submissionId))
      .orderBy(sheetRows.rowNumber);
    expect(stored.map((r) => [r.row, r.issues.map((i) => i.code), r.errors])).toEqual(
      [2, 3, 4].map((row) => [
        row,
        verdict.issues.filter((i) => i.row === row).map((i) => i.code),
        errors.filter((i) => i.row === row).length,
      ]),
    );
    const [saved] = await w.db.select().from(sheetSubmissions).where(eq(sheetSubmissions.id, receipt.submissionId));
    expect(saved).toMatchObject({ errorCount: errors.length, rowCount: 3, issueCounts: byCode });
    expect(saved?.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("stores a submission once however often it is sent, even twice at the same moment", async () => {
    const secretary = await w.as("secretary-a");
    const input = {
      clientId: "roster-a-0001",
      termCode: "2025-2026-1",
      fileName: "在校生.xlsx",
      grid: gridOf([ROSTER_HEADER, ["2025010002", "李四", null, "暂缓"]]),
    };
    const [a, b] = await Promise.all([secretary.sheets.submit(input), secretary.sheets.submit(input)]);
    expect(a.submissionId).toBe(b.submissionId);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    const again = await secretary.sheets.submit(input);
    expect(again).toMatchObject({ submissionId: a.submissionId, duplicate: true, version: 1, rows: 1, rowsAccepted: 1 });
    const first = a.duplicate ? b : a;
    expect({ ...again, duplicate: false }).toEqual(first); // the very receipt of the first send
    expect(first).toMatchObject({ infos: 1, byCode: { "enum.alias": 1 } });
    expect(await w.db.select({ n: count() }).from(sheetSubmissions).where(eq(sheetSubmissions.clientId, "roster-a-0001"))).toEqual([
      { n: 1 },
    ]);
    expect(await w.db.select({ n: count() }).from(sheetRows).where(eq(sheetRows.submissionId, a.submissionId))).toEqual([{ n: 1 }]);
  });

  it("leaves nothing behind when a submission fails inside its transaction", async () => {
    const [submissions, rows, events] = [await count_(sheetSubmissions), await count_(sheetRows), await count_(auditEvents)];
    const attempt = submitSheet(w.db, {
      actor: { userId: 1, role: "secretary", requestId: "interrupted" },
      clientId: "interrupted-0001",
      termCode: "2025-2026-2",
      collegeId: w.collegeA,
      grid: gridOf([ROSTER_HEADER, ["2025010002", "李四", null, "已注册"]]),
      today: "2026-11-23",
      beforeCommit: () => {
        throw new Error("power cut");
      },
    });
    await expect(attempt).rejects.toThrow("power cut");
    expect([await count_(sheetSubmissions), await count_(sheetRows), await count_(auditEvents)]).toEqual([submissions, rows, events]);
  });

  it("versions a college's sheet, supersedes the waiting one, and lists what changed", async () => {
    const secretary = await w.as("secretary-a");
    const check = await secretary.sheets.validate({
      termCode: "2026-2027-1",
      grid: gridOf([ROSTER_HEADER, ["2025010001", "张三", null, "已注册"], ["2025010002", "李四", null, "暂缓注册"]]),
    });
    expect(check.issues).toEqual([]);
    const v1 = await secretary.sheets.submit({
      clientId: "roster-a-v1-001",
      termCode: "2026-2027-1",
      grid: gridOf([ROSTER_HEADER, ["2025010001", "张三", null, "已注册"], ["2025010002", "李四", null, "暂缓注册"]]),
    });
    const v2 = await secretary.sheets.submit({
      clientId: "roster-a-v2-001",
      termCode: "2026-2027-1",
      grid: gridOf([ROSTER_HEADER, ["2025010002", "李四", null, "已注册"], ["2024010010", "学生甲", null, "已注册"]]),
    });
    expect([v1.version, v2.version]).toEqual([1, 2]);
    const registrar = await w.as("registrar");
    const listed = await registrar.sheets.list({ termCode: "2026-2027-1" });
    expect(listed.items.map((s) => [s.version, s.state])).toEqual([
      [2, "submitted"],
      [1, "superseded"],
    ]);
    // Found by the receipt the pane showed the secretary, in either case; anything but eight characters is refused.
    for (const receipt of [receiptCode(v1.submissionId), receiptCode(v1.submissionId).toLowerCase()])
      expect((await registrar.sheets.list({ receipt })).items.map((s) => s.id)).toEqual([v1.submissionId]);
    await expect(registrar.sheets.list({ receipt: "2352%" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await secretary.sheets.diff({ submissionId: v2.submissionId })).toMatchObject({
      previousId: v1.submissionId,
      added: ["2024010010"],
      removed: ["2025010001"],
      changed: [{ key: "2025010002", fields: ["registrationStatus"] }],
    });
    await expect(registrar.sheets.review({ submissionId: v1.submissionId, decision: "accept" })).rejects.toMatchObject({
      cause: { code: "sheet.superseded" },
    });
  });

  it("accepts a roster once: registrations are updated, a second accept does nothing, a change of mind is refused", async () => {
    const registrar = await w.as("registrar");
    const [latest] = (await registrar.sheets.list({ termCode: "2026-2027-1", state: "submitted" })).items;
    const first = await registrar.sheets.review({ submissionId: latest?.id as string, decision: "accept" });
    expect(first).toMatchObject({ state: "accepted", changed: true, recordsUpdated: 2 });
    const events = await count_(auditEvents);
    expect(await registrar.sheets.review({ submissionId: latest?.id as string, decision: "accept" })).toMatchObject({ changed: false });
    expect(await count_(auditEvents)).toBe(events);
    await expect(
      registrar.sheets.review({ submissionId: latest?.id as string, decision: "reject", reason: "重新核对" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { code: "sheet.already-reviewed" },
    });
  });

  it("gives a clear localised error for malformed input and writes nothing", async () => {
    const secretary = await w.as("secretary-a");
    const before = await count_(sheetSubmissions);
    const bad: unknown[] = [
      { clientId: "bad-input-0001", termCode: "2025-2026-1", grid: "not a grid" },
      { clientId: "bad-input-0002", termCode: "2025-2026-1", grid: [{ row: 1, cells: [{ value: "x".repeat(100_000), type: "string" }] }] },
      { clientId: "bad-input-0003", termCode: "2025-2026-1", kind: "timetable", grid: [] },
      { clientId: "bad-input-0004", termCode: "2025-2026-9", grid: [] },
      { clientId: "bad-input-0005", termCode: "2025-2026-1", grid: [{ row: 0, cells: [] }] },
      { clientId: "bad-input-0006", termCode: "2025-2026-1", grid: [{ row: 1, cells: [{ value: {}, type: "string" }] }] },
    ];
    for (const input of bad) {
      const error = await secretary.sheets.submit(input as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
    }
    // Clear and localised over HTTP: the field named, the reason in the reader's language only.
    const http = await w.serve();
    try {
      for (const [locale, start] of [
        ["zh-CN", "提交的数据不符合要求："],
        ["en", "The request is not valid: "],
      ] as const) {
        const response = await fetch(`${http.base}/api/trpc/sheets.submit`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${w.tokens.get("secretary-a")}`,
            "content-type": "application/json",
            "accept-language": locale,
          },
          body: JSON.stringify(bad[1]),
        });
        expect(response.status).toBe(400);
        const { error } = (await response.json()) as { error: { message: string; data: { appCode: string } } };
        expect(error.data.appCode).toBe("input.invalid");
        expect(error.message.startsWith(start)).toBe(true);
        expect(error.message).toContain("grid.0.cells.0.value");
        expect(error.message).toContain("32767");
        if (locale === "en") expect(error.message).not.toMatch(/[\u4e00-\u9fff]/);
        else expect(error.message).not.toMatch(/Too big|expected/);
      }
    } finally {
      http.close();
    }
    // A grid without the required columns: readable, but not a sheet it can store.
    const missing = await secretary.sheets
      .submit({
        clientId: "bad-input-0007",
        termCode: "2025-2026-1",
        kind: "failed-courses",
        grid: gridOf([
          ["学号", "姓名"],
          ["2025010001", "张三"],
        ]),
      })
      .catch((e: TRPCError) => e);
    expect(missing).toMatchObject({ code: "BAD_REQUEST", cause: { code: "sheet.has-errors" } });
    const unknownTerm = await secretary.sheets
      .submit({ clientId: "bad-input-0008", termCode: "2030-2031-1", grid: gridOf([ROSTER_HEADER]) })
      .catch((e: TRPCError) => e);
    expect(unknownTerm).toMatchObject({ cause: { code: "term.unknown" } });
    expect(await count_(sheetSubmissions)).toBe(before);
  });

  it.each([
    [11, []],
    [12, ["warning-1"]],
    [19.5, ["warning-1"]],
    [20, ["warning-2"]],
    [27.5, ["warning-2"]],
  ] as Array<[number, string[]]>)(
    "turns %s failed credits in one term into pending items %j through the real API",
    async (credits, termKinds) => {
      const index = [11, 12, 19.5, 20, 27.5].indexOf(credits);
      const studentNo = `20240100${10 + index}`;
      const secretary = await w.as("secretary-a");
      const term = "2024-2025-1";
      const grid = gridOf([FAILED_HEADER, ...failedRows(studentNo, `学生${STEMS[index]}`, term, credits)]);
      const receipt = await secretary.sheets.submit({
        clientId: `failed-${credits}-${engine}`,
        termCode: term,
        kind: "failed-courses",
        grid,
      });
      await (await w.as("registrar")).sheets.review({ submissionId: receipt.submissionId, decision: "accept" });
      const { items } = await (await w.as("registrar")).pending.list({ academicYear: "2024-2025", limit: 200 });
      const mine = items.filter((i) => i.studentNo === studentNo);
      expect(mine.map((i) => i.kind)).toEqual([...termKinds]);
      if (mine[0]) expect(mine[0].figures).toMatchObject({ termFailedCredits: credits, yearFailedCredits: credits, ruleSet: "seed-000-9" });
    },
  );

  it.each([
    ["2023000001", 14, 13.5, "none"],
    ["2023000002", 14, 14, "repeat"],
    ["2023000003", 18, 17.5, "repeat"],
    ["2023000004", 18, 18, "dismissal"],
  ] as const)(
    "adds the spring sheet to the autumn one for %s: %s + %s credits → %s for the year",
    async (studentNo, autumn, spring, yearKind) => {
      await w.insertStudents([{ studentNo, name: "年", collegeId: w.collegeA, majorId: w.majorA, grade: 2023 }]);
      const secretary = await w.as("secretary-a");
      const registrar = await w.as("registrar");
      for (const [term, credits] of [
        ["2025-2026-1", autumn],
        ["2025-2026-2", spring],
      ] as const) {
        const receipt = await secretary.sheets.submit({
          clientId: `year-${studentNo}-${term}`,
          termCode: term,
          kind: "failed-courses",
          grid: gridOf([FAILED_HEADER, ...failedRows(studentNo, "年", term, credits)]),
        });
        await registrar.sheets.review({ submissionId: receipt.submissionId, decision: "accept" });
      }
      const items = (await registrar.pending.list({ academicYear: "2025-2026", limit: 200 })).items.filter(
        (p) => p.studentNo === studentNo && p.termCode === "",
      );
      expect(items.map((p) => p.kind)).toEqual(yearKind === "none" ? [] : [yearKind]);
      if (items[0]) expect(items[0].figures).toMatchObject({ yearFailedCredits: autumn + spring });
    },
  );

  it("marks new students 报到 when their roster is accepted, recording each status change", async () => {
    await w.insertStudents([
      { studentNo: "2026010001", name: "新甲", collegeId: w.collegeA, majorId: w.majorA, grade: 2026, status: "admitted" },
      { studentNo: "2026010002", name: "新乙", collegeId: w.collegeA, majorId: w.majorA, grade: 2026, status: "admitted" },
    ]);
    const secretary = await w.as("secretary-a");
    const [a, b] = await w.db.select().from(students).where(eq(students.grade, 2026)).orderBy(students.studentNo);
    const row = (s: typeof a, report: string) => [
      s?.studentNo ?? "",
      s?.name ?? "",
      s?.gender === "1" ? "男" : "女",
      s?.birthDate ?? "",
      s?.idNumber ?? "",
      "汉族",
      "计算机科学与技术",
      "本科",
      report,
    ];
    const grid = gridOf([
      ["学号", "姓名", "性别", "出生日期", "身份证号", "民族", "专业", "层次", "报到状态"],
      row(a, "已报到"),
      row(b, "未报到"),
    ]);
    const receipt = await secretary.sheets.submit({ clientId: "roster-new-2026-a", termCode: "2026-2027-1", kind: "roster-new", grid });
    expect(receipt).toMatchObject({ kind: "roster-new", errors: 0, rows: 2 });
    await (await w.as("registrar")).sheets.review({ submissionId: receipt.submissionId, decision: "accept" });
    const after = await w.db
      .select({ studentNo: students.studentNo, status: students.status })
      .from(students)
      .where(eq(students.grade, 2026))
      .orderBy(students.studentNo);
    expect(after).toEqual([
      // seed 004: 报到 now, 在读 only after 新生电子注册 (“新生未学籍电子注册前想放弃学业的学生按放弃入学资格处理”).
      { studentNo: "2026010001", status: "reported" },
      { studentNo: "2026010002", status: "admitted" },
    ]);
    const [event] = await w.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, receipt.submissionId))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(event).toMatchObject({
      action: "sheet.accept",
      role: "registrar-staff",
      after: { statusChanges: [{ studentNo: "2026010001", status: { before: "admitted", after: "reported" } }] },
    });
  });

  it("stores a sheet with errors where its template allows it, and the receipt says which rows were accepted", async () => {
    const grid = gridOf([
      ["学号", "姓名", "退学原因", "佐证材料"],
      ["2025010002", "李四", "休学期满未办理复学", "休学通知单"],
      ["2025010001", "张三", null, null], // no reason: an error, but the dismissal list may carry it
    ]);
    const receipt = await (await w.as("secretary-a")).sheets.submit({
      clientId: `dismissal-with-errors-${engine}`,
      termCode: "2025-2026-2",
      kind: "dismissal",
      grid,
    });
    expect(receipt).toMatchObject({
      kind: "dismissal",
      rows: 2,
      rowsAccepted: 1,
      rowsWithErrors: 1,
      errors: 1,
      byCode: { "field.required": 1 },
    });
  });

  it("gives a submission's columns as the template it was checked with orders and heads them", async () => {
    const { DEFAULT_TEMPLATES } = await import("@xueji/shared");
    const { kind: _k, version: _v, ...template } = DEFAULT_TEMPLATES["roster-returning"];
    // The registrar asks for the student's phone, headed as the school's sheets head it, right after the name.
    const phone = { field: "phone" as const, header: "本人手机", synonyms: [], required: false, parser: { kind: "phone" as const } };
    const columns = [...template.columns.slice(0, 2), phone, ...template.columns.slice(2)];
    const published = await (await w.as("registrar-leader")).settings.publish({
      kind: "sheet-template",
      key: "roster-returning",
      validFrom: "2026-2027",
      value: { ...template, columns },
      reason: "在校生名单加报本人手机",
    });
    expect(published, JSON.stringify(published)).toMatchObject({ status: "published" });
    const [zhang] = await w.db.select().from(students).where(eq(students.studentNo, "2025010001"));
    const secretary = await w.as("secretary-a");
    const receipt = await secretary.sheets.submit({
      clientId: "columns-0001",
      termCode: "2026-2027-1",
      grid: gridOf([
        ["学号", "姓名", "本人手机", "身份证号", "注册状态"],
        ["2025010001", zhang?.name ?? "", "13812345678", zhang?.idNumber ?? "", "已注册"],
      ]),
    });
    const got = await secretary.sheets.get({ submissionId: receipt.submissionId });
    expect(got.columns.slice(0, 3)).toEqual([
      { field: "studentNo", header: "学号" },
      { field: "name", header: "姓名" },
      { field: "phone", header: "本人手机" },
    ]);
    expect(got.rows.items[0]?.values).toMatchObject({ phone: "13812345678" });
    expect(got.submission.templateVersion).toBe(published.status === "published" ? published.version : -1);
    // A sheet checked with a template as shipped says version 0, never the number the first published version takes.
    const shipped = await secretary.sheets.submit({
      clientId: "columns-0002",
      termCode: "2026-2027-1",
      kind: "failed-courses",
      grid: gridOf([FAILED_HEADER, ...failedRows("2025010001", zhang?.name ?? "", "2026-2027-1", 4)]),
    });
    expect((await secretary.sheets.get({ submissionId: shipped.submissionId })).submission.templateVersion).toBe(0);
  });
});
