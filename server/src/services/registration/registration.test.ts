import { CN_HOLIDAYS, REGISTRATION_RULE_SOURCES } from "@xueji/shared";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, type World } from "../../../test/world";
import { registrationEvents, students, terms } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";

const YEAR = "2026-2027";

describe.each(TEST_ENGINES)("学年注册 and 新生电子注册 on %s", (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents([
      { studentNo: "2025017001", name: "老生甲", collegeId: w.collegeA, majorId: w.majorA, grade: 2025 },
      { studentNo: "2025017002", name: "欠费乙", collegeId: w.collegeA, majorId: w.majorA, grade: 2025 },
      { studentNo: "2024017003", name: "休学丙", collegeId: w.collegeA, majorId: w.majorA, grade: 2024, status: "suspended" },
      { studentNo: "2026017004", name: "新生丁", collegeId: w.collegeA, majorId: w.majorA, grade: 2026, status: "reported" },
      { studentNo: "2026027005", name: "新生戊", collegeId: w.collegeB, majorId: w.majorB, grade: 2026, status: "reported" },
    ]);
  }, 60_000);
  afterAll(() => w.database.close());

  it("registers returning students only: “从学生入学次年起至毕业，应在每学年第一学期进行学年电子注册” (seed 003 第十条)", async () => {
    const secretary = await w.as("secretary-a", "2026-09-07");
    const results = await secretary.registration.register({
      academicYear: YEAR,
      studentNos: ["2025017001", "2026017004", "2024017003", "2026027005"],
    });
    expect(results.map((r) => [r.studentNo, r.ok, r.code])).toEqual([
      ["2025017001", true, null],
      ["2026017004", false, "registration.not-returning"],
      ["2024017003", false, "registration.wrong-status"],
      ["2026027005", false, "student.unknown"],
    ]);
    expect(results[1]?.message).toContain("学年注册只适用于老生");
  });

  it("makes 欠费 → 暂缓注册 → 补注册 a real path (seed 003 第十一条 “不予注册，但可以申请办理暂缓注册手续，符合注册条件后，再给予补注册”)", async () => {
    const secretary = await w.as("secretary-a", "2026-09-07");
    await expect(secretary.registration.defer({ academicYear: YEAR, studentNos: ["2025017002"], reason: " " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const [deferred] = await secretary.registration.defer({ academicYear: YEAR, studentNos: ["2025017002"], reason: "未按规定缴纳学费" });
    expect(deferred).toMatchObject({ ok: true, from: null, to: "deferred", late: false });
    const page = await secretary.registration.list({ academicYear: YEAR, status: "deferred" });
    expect(page.items.map((i) => i.studentNo)).toEqual(["2025017002"]);
    const [late] = await (await w.as("secretary-a", "2026-09-30")).registration.register({
      academicYear: YEAR,
      studentNos: ["2025017002"],
      reason: "已缴清学费",
    });
    expect(late).toMatchObject({ ok: true, from: "deferred", to: "registered", late: true });
    const [row] = await w.db.select({ id: students.id }).from(students).where(eq(students.studentNo, "2025017002"));
    const events = await w.db
      .select({
        from: registrationEvents.fromStatus,
        to: registrationEvents.toStatus,
        reason: registrationEvents.reason,
        on: registrationEvents.on,
      })
      .from(registrationEvents)
      .where(and(eq(registrationEvents.studentId, row?.id as number), eq(registrationEvents.academicYear, YEAR)))
      .orderBy(registrationEvents.id);
    expect(events).toEqual([
      { from: null, to: "deferred", reason: "未按规定缴纳学费", on: "2026-09-07" },
      { from: "deferred", to: "registered", reason: "补注册：已缴清学费", on: "2026-09-30" },
    ]);
  });

  it("lists a page at a time with a cursor", async () => {
    const registrar = await w.as("registrar");
    const first = await registrar.registration.list({ academicYear: YEAR, limit: 1 });
    expect(first.items).toHaveLength(1);
    const second = await registrar.registration.list({ academicYear: YEAR, limit: 5, cursor: first.nextCursor as string });
    expect(second).toMatchObject({ nextCursor: null });
    expect([...first.items, ...second.items].map((i) => i.studentNo)).toEqual(["2025017001", "2025017002"]);
  });

  it("makes 报到 students 在读 at 新生电子注册, registrar only; after it, 放弃入学资格 is no longer possible", async () => {
    await expect((await w.as("secretary-a")).registration.registerNewStudents({ academicYear: YEAR })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const registrar = await w.as("registrar");
    expect(await registrar.registration.registerNewStudents({ academicYear: YEAR, collegeId: w.collegeA })).toEqual({
      registered: 1,
      heldBack: [],
    });
    expect(await registrar.registration.registerNewStudents({ academicYear: YEAR, collegeId: w.collegeA })).toEqual({
      registered: 0,
      heldBack: [],
    });
    const [student] = await w.db.select().from(students).where(eq(students.studentNo, "2026017004"));
    expect(student?.status).toBe("enrolled");
    // Refused when filed, as 办理 would refuse it: the transition rules allow it only before 电子注册.
    await expect(
      (await w.as("secretary-a")).applications.file({
        studentNo: "2026017004",
        type: "give-up-admission",
        reasonCode: "99",
        materials: ["application-form", "student-id-copy", "parent-id-copy"],
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", cause: { code: "application.transition-refused" } });
  });

  it("counts the year by college for the 注册 page (seed 003 第十二条): returning registered / 暂缓 / not yet, new students 录取 / 报到 / 在读", async () => {
    const all = await (await w.as("registrar")).registration.summary({ academicYear: YEAR });
    expect(all.find((c) => c.collegeId === w.collegeA)).toMatchObject({ registered: 2, deferred: 0, reported: 0, enrolledNew: 1 });
    expect(all.find((c) => c.collegeId === w.collegeB)).toMatchObject({ reported: 1, enrolledNew: 0 });
    const own = await (await w.as("secretary-a")).registration.summary({ academicYear: YEAR });
    expect(own.map((c) => c.collegeId)).toEqual([w.collegeA]);
    // Another college's numbers are refused, as for every scoped list.
    await expect((await w.as("secretary-a")).registration.summary({ academicYear: YEAR, collegeId: w.collegeB })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("says how many working days are left to each deadline, and when one has passed", async () => {
    const early = await (await w.as("registrar", "2026-09-07")).registration.deadlines({ academicYear: YEAR });
    // Monday 7 September to Sunday 13 September: today and four more working days.
    expect(early.deadlines.find((d) => d.key === "students")).toMatchObject({ workingDaysLeft: 5, passed: false });
    const late = await (await w.as("registrar", "2026-10-12")).registration.deadlines({ academicYear: YEAR });
    expect(late.deadlines.every((d) => d.passed && d.workingDaysLeft === 0)).toBe(true);
  });

  it("dates the deadlines: students week 2, colleges the earlier of week 3 and 10月前, all within a month (seed 003 第十一–十二条)", async () => {
    const registrar = await w.as("registrar");
    const { deadlines, warning } = await registrar.registration.deadlines({ academicYear: YEAR });
    expect(deadlines.map((d) => [d.key, d.date, d.provisional])).toEqual([
      ["students", "2026-09-13", false],
      ["colleges", "2026-09-20", false],
      ["electronic", "2026-09-30", false],
    ]);
    expect(warning).toContain("2027 年尚未录入法定节假日安排");
  });

  it("never puts the colleges' deadline inside 国庆 (2023: 9月29日至10月6日放假)", async () => {
    await w.db.insert(terms).values({ code: "2023-2024-1", academicYear: "2023-2024", startDate: "2023-09-11", endDate: "2024-01-19" });
    expect(
      await (await w.as("registrar-leader")).settings.publish({
        kind: "holidays",
        key: "cn",
        validFrom: "2023-2024",
        value: {
          years: [2023, ...(CN_HOLIDAYS.years ?? [])],
          holidays: [
            "2023-09-29",
            "2023-09-30",
            "2023-10-01",
            "2023-10-02",
            "2023-10-03",
            "2023-10-04",
            "2023-10-05",
            "2023-10-06",
            ...CN_HOLIDAYS.holidays,
          ],
          makeUpWorkdays: ["2023-10-07", "2023-10-08", ...CN_HOLIDAYS.makeUpWorkdays],
        },
        reason: "国务院办公厅关于2023年部分节假日安排的通知",
      }),
    ).toMatchObject({ status: "published" });
    const { deadlines } = await (await w.as("registrar")).registration.deadlines({ academicYear: "2023-2024" });
    // Week 3 of a term starting 11 September ends on 1 October; “10月前” is 30 September — a holiday in 2023 — so 28 September.
    expect(deadlines.find((d) => d.key === "colleges")?.date).toBe("2023-09-28");
  });

  it("gives the year's calendar with every row dated, and flags a date that counts on 2027 as provisional", async () => {
    const { items } = await (await w.as("leader-a")).registration.calendar({ academicYear: YEAR });
    expect(items).toHaveLength(40);
    expect(items.find((i) => i.key === "returning-registration")).toMatchObject({
      dueOn: "2026-09-20",
      provisional: false,
      sheet: "roster-returning",
    });
    expect(items.find((i) => i.key === "graduate-check")).toMatchObject({ dueOn: "2027-06-30", provisional: true });
    expect(items.find((i) => i.key === "withdrawal")).toMatchObject({ dueOn: null, workflow: "withdrawal" });
  });

  it("refuses 补注册 once the year's one-month limit has passed (seed 003 第十一–十二条), per student, and writes nothing", async () => {
    await w.insertStudents([{ studentNo: "2025017006", name: "欠费己", collegeId: w.collegeA, majorId: w.majorA, grade: 2025 }]);
    const secretary = await w.as("secretary-a", "2026-09-08");
    await secretary.registration.defer({ academicYear: YEAR, studentNos: ["2025017006"], reason: "未按规定缴纳学费" });
    // 7 September + 1 month is 6 October, inside 国庆: the limit steps back to 30 September, and 1 October is past it.
    const after = await w.as("secretary-a", "2026-10-01");
    const [refused, registered] = await after.registration.register({ academicYear: YEAR, studentNos: ["2025017006", "2025017001"] });
    expect(refused).toMatchObject({ ok: false, from: "deferred", to: null, late: false, code: "registration.late-limit-passed" });
    expect(refused?.message).toBe("补注册须在学年电子注册期限（开学后 1 个月内）内办理：期限已于 2026/09/30 届满，不能再补注册。");
    // A student never deferred is no 补注册: the limit does not apply to him.
    expect(registered).toMatchObject({ ok: true, late: false });
    const still = await after.registration.list({ academicYear: YEAR, status: "deferred" });
    expect(still.items.map((i) => i.studentNo)).toEqual(["2025017006"]);
    const [row] = await w.db.select({ id: students.id }).from(students).where(eq(students.studentNo, "2025017006"));
    const events = await w.db
      .select()
      .from(registrationEvents)
      .where(eq(registrationEvents.studentId, row?.id as number));
    expect(events.map((e) => e.toStatus)).toEqual(["deferred"]);
  });

  it("reads the students' two weeks and the one-month limit from the 学年注册期限 setting: a published change moves the deadlines", async () => {
    // Each limit cites its seed sentence, in the setting's description and on the deadline.
    expect(REGISTRATION_RULE_SOURCES.studentWeeks).toContain("学生应在每学年第一学期开学后两周内到所在学院办理学年注册手续");
    expect(REGISTRATION_RULE_SOURCES.completeMonths).toContain("学年的电子注册在每学年第一学期开学后1个月内完成");
    const kinds = await (await w.as("registrar")).settings.schemas({ locale: "zh-CN" });
    const schema = kinds.find((k) => k.kind === "registration-rules")?.schema as {
      properties: Record<string, { title: string; description: string }>;
    };
    expect(schema.properties.studentWeeks?.description).toContain("开学后两周内到所在学院办理学年注册手续");
    expect(schema.properties.completeMonths?.description).toContain("开学后1个月内完成");

    const published = await (await w.as("registrar-leader")).settings.publish({
      kind: "registration-rules",
      key: "default",
      validFrom: YEAR,
      value: { studentWeeks: 3, completeMonths: 2 },
      reason: "本校学籍管理规定：三周内注册，两个月内完成电子注册",
    });
    expect(published).toMatchObject({ status: "published" });
    const { deadlines } = await (await w.as("registrar")).registration.deadlines({ academicYear: YEAR });
    // Term starts Tuesday 1 September 2026: week 3 ends Sunday 20 September; two months → 31 October.
    expect(deadlines.map((d) => [d.key, d.date, d.source])).toEqual([
      ["students", "2026-09-20", REGISTRATION_RULE_SOURCES.studentWeeks],
      ["colleges", "2026-09-20", expect.stringContaining("第三周结束前")],
      ["electronic", "2026-10-31", REGISTRATION_RULE_SOURCES.completeMonths],
    ]);
    // An earlier year keeps the seed's two weeks and one month.
    const before = await (await w.as("registrar")).registration.deadlines({ academicYear: "2023-2024" });
    expect(before.deadlines.find((d) => d.key === "students")?.date).toBe("2023-09-24");
  });
});
