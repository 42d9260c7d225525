import type { TRPCError } from "@trpc/server";
import { type AppError, type ApplicationType, DEFAULT_WORKFLOWS, MATERIALS, requiredMaterials } from "@xueji/shared";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gridOf } from "../../../test/grid";
import { makeWorld, type World } from "../../../test/world";
import { resultRows } from "../../db/client";
import { applications, pendingItems, students } from "../../db/schema";

type PendingItem = typeof pendingItems.$inferSelect;

import { insertClass, insertMajor } from "../../db/seed-basics";
import { TEST_ENGINES } from "../../db/test-database";
import { fromStandingOpinion, standingNote } from "./open-dismissals";

const DAY = "2026-11-23"; // a Monday

describe.each(TEST_ENGINES)("status-change applications through the API on %s", (engine) => {
  let w: World;
  let majorB2: number;
  let classB2: number;
  let serial = 0;
  beforeAll(async () => {
    w = await makeWorld(engine);
    majorB2 = await insertMajor(w.db, w.collegeB, "050262", "商务英语");
    classB2 = await insertClass(w.db, majorB2, "商英2501", 2025);
  }, 60_000);
  afterAll(() => w.database.close());

  /** A new student of college A in the given status. */
  async function student(status = "enrolled", name = "测试") {
    serial++;
    const studentNo = `2025019${String(serial).padStart(3, "0")}`;
    await w.insertStudents([{ studentNo, name, collegeId: w.collegeA, majorId: w.majorA, grade: 2025, status }]);
    return studentNo;
  }

  async function file(
    type: ApplicationType,
    studentNo: string,
    extra: { materials?: string[]; changes?: Record<string, string | number>; reasonCode?: string } = {},
  ) {
    const workflow = DEFAULT_WORKFLOWS[type];
    const reasonCode = extra.reasonCode ?? (workflow.reasons[0]?.code as string);
    const secretary = await w.as("secretary-a");
    return secretary.applications.file({
      studentNo,
      type,
      reasonCode,
      materials: (extra.materials ?? requiredMaterials(workflow, reasonCode)) as never,
      ...(extra.changes ? { changes: extra.changes } : {}),
      ...(workflow.period ? { periodStartsOn: "2026-12-01", periodEndsOn: "2027-11-30" } : {}),
    });
  }

  const USER_FOR: Record<string, string> = {
    draft: "secretary-a",
    college: "leader-a",
    receiving: "leader-b",
    registrar: "registrar",
    "registrar-leader": "registrar-leader",
    "school-leader": "school-leader",
    "public-notice": "registrar",
    execution: "registrar",
    reported: "registrar",
  };

  /** Moves an application through every stage to 生效, each step by the role that decides it. */
  async function runToEnd(id: number, startDay = DAY) {
    let today = startDay;
    for (;;) {
      const [app] = await w.db.select().from(applications).where(eq(applications.id, id));
      if (app?.state !== "open") return app;
      if (app.stage === "public-notice") today = app.noticeEndsOn as string;
      // A sign-off stage (an office without an account) passes when the secretary records the signature.
      if (DEFAULT_WORKFLOWS[app.type as ApplicationType].stages.find((s) => s.key === app.stage)?.signOff) {
        await (await w.as("secretary-a", today)).applications.recordSignOff({
          applicationId: id,
          expectedVersion: app.version,
          signer: "经办人",
          signedOn: today,
        });
        continue;
      }
      const caller = await w.as(USER_FOR[app.stage] as string, today);
      if (app.stage === "draft") await caller.applications.submit({ applicationId: id, expectedVersion: app.version });
      else await caller.applications.decide({ applicationId: id, expectedVersion: app.version, action: "advance", opinion: "同意" });
    }
  }

  const statusOf = async (studentNo: string) => (await w.db.select().from(students).where(eq(students.studentNo, studentNo)))[0];

  it.each([
    ["suspension", "enrolled", "suspended"],
    ["resumption", "suspended", "enrolled"],
    ["keep-admission", "admitted", "admission-kept"],
    ["give-up-admission", "admitted", "admission-given-up"],
    ["withdrawal", "enrolled", "withdrawn"],
    ["dismissal", "suspended", "withdrawn"],
    ["deregistration", "enrolled", "deceased"],
  ] as Array<[ApplicationType, string, string]>)("%s: from %s to %s, with a numbered notice", async (type, from, to) => {
    const studentNo = await student(from);
    const filed = await file(type, studentNo);
    const done = await runToEnd(filed.id);
    expect(done).toMatchObject({ state: "done", stage: "effective", noticeNo: expect.stringMatching(/^2026-\d{4}$/) });
    expect((await statusOf(studentNo))?.status).toBe(to);
    const timeline = await (await w.as("registrar")).applications.timeline({ applicationId: filed.id });
    expect(timeline.changes).toEqual([expect.objectContaining({ field: "status", before: from, after: to, noticeNo: done?.noticeNo })]);
    expect(timeline.decisions.map((d) => d.toStage).at(-1)).toBe("effective");
    if (DEFAULT_WORKFLOWS[type].deregisters) expect(done?.deregistrationDueOn).toBeTruthy();
  });

  it("change of major: the receiving college decides its stage, the record moves to the new major and college", async () => {
    const studentNo = await student();
    const filed = await file("change-major", studentNo, { changes: { majorId: majorB2, classId: classB2 } });
    expect(filed.targetCollegeId).toBe(w.collegeB);
    const done = await runToEnd(filed.id);
    expect(done?.state).toBe("done");
    expect(await statusOf(studentNo)).toMatchObject({ majorId: majorB2, classId: classB2, collegeId: w.collegeB, status: "enrolled" });
    const history = await (await w.as("registrar")).applications.studentHistory({ studentNo });
    expect(history.items.map((h) => [h.field, h.before, h.after])).toEqual([
      ["majorId", w.majorA, majorB2],
      ["collegeId", w.collegeA, w.collegeB],
      ["classId", null, classB2],
    ]);
    // The class it names by id comes with it by name, for the history and the notice to read.
    const timeline = await (await w.as("registrar")).applications.timeline({ applicationId: filed.id });
    expect(timeline.classes).toEqual([{ id: classB2, name: "商英2501" }]);
  });

  it("demotion changes the grade; an identity change takes effect only at 生效", async () => {
    const demoted = await student();
    await expect(file("demotion", demoted, { changes: { grade: 2024 } })).rejects.toMatchObject({
      cause: { code: "application.changes-invalid" },
    });
    const before = await statusOf(demoted);
    await runToEnd((await file("demotion", demoted, { changes: { grade: 2026 } })).id);
    expect(await statusOf(demoted)).toMatchObject({
      grade: 2026,
      expectedGraduationDate: `${Number(before?.expectedGraduationDate.slice(0, 4)) + 1}${before?.expectedGraduationDate.slice(4)}`,
    });

    const renamed = await student("enrolled", "旧名");
    const app = await file("identity-change", renamed, { changes: { name: "新名" } });
    await runToEnd(app.id);
    expect((await statusOf(renamed))?.name).toBe("新名");
    const history = await (await w.as("registrar")).applications.studentHistory({ studentNo: renamed });
    expect(history.items.map((h) => [h.field, h.before, h.after])).toEqual([["name", "旧名", "新名"]]);
  });

  it("keeps an application in the college until its materials are complete", async () => {
    const studentNo = await student();
    const app = await file("suspension", studentNo, { materials: ["application-form"], reasonCode: "10" });
    const secretary = await w.as("secretary-a");
    const error = await secretary.applications.submit({ applicationId: app.id, expectedVersion: 1 }).catch((e: TRPCError) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST", cause: { code: "application.materials-missing" } });
    // The missing materials are named in the reader's language, Chinese and English alike.
    const cause = (error as TRPCError).cause as AppError;
    const missing = requiredMaterials(DEFAULT_WORKFLOWS.suspension, "10").filter((m) => m !== "application-form");
    expect(cause.userMessage()).toBe(`材料不齐，还缺：${missing.map((m) => MATERIALS[m]["zh-CN"]).join("、")}。材料齐全后才能报送。`);
    expect(cause.userMessage("en")).toBe(
      `Materials missing: ${missing.map((m) => MATERIALS[m].en).join(", ")}. The application cannot leave the college until they are complete.`,
    );
    expect(cause.userMessage("en")).not.toMatch(/[\u4e00-\u9fff]/);
    const [after] = await w.db.select().from(applications).where(eq(applications.id, app.id));
    expect(after).toMatchObject({ stage: "draft", version: 1 });
  });

  it("returns to the stage before or to the college, with a reason; rejects end it", async () => {
    const app = await file("withdrawal", await student());
    const secretary = await w.as("secretary-a");
    await secretary.applications.submit({ applicationId: app.id, expectedVersion: 1 });
    await (await w.as("leader-a")).applications.decide({ applicationId: app.id, expectedVersion: 2, action: "advance", opinion: "同意" });
    const leader = await w.as("registrar-leader");
    await expect(leader.applications.decide({ applicationId: app.id, expectedVersion: 3, action: "return" })).rejects.toMatchObject({
      cause: { code: "application.opinion-required" },
    });
    expect(
      await leader.applications.decide({ applicationId: app.id, expectedVersion: 3, action: "return", opinion: "家长签字缺失" }),
    ).toMatchObject({ stage: "college", version: 4 });
    expect(
      await (await w.as("leader-a")).applications.decide({
        applicationId: app.id,
        expectedVersion: 4,
        action: "return",
        returnTo: "college",
        opinion: "补齐签字",
      }),
    ).toMatchObject({ stage: "draft" });
    await secretary.applications.submit({ applicationId: app.id, expectedVersion: 5 });
    expect(
      await (await w.as("leader-a")).applications.decide({
        applicationId: app.id,
        expectedVersion: 6,
        action: "reject",
        opinion: "学生撤回",
      }),
    ).toMatchObject({ state: "rejected", stage: "rejected" });
    await expect(
      (await w.as("registrar-leader")).applications.decide({ applicationId: app.id, expectedVersion: 7, action: "advance" }),
    ).rejects.toMatchObject({ cause: { code: "application.wrong-stage" } });
    const timeline = await (await w.as("registrar")).applications.timeline({ applicationId: app.id });
    // The first row names who filed it, as each decision names its maker.
    expect(timeline.filer).toBe("secretary-a");
    expect(timeline.decisions.map((d) => [d.action, d.role, d.opinion])).toEqual([
      ["submit", "secretary", null],
      ["advance", "college-leader", "同意"],
      ["return", "registrar-leader", "家长签字缺失"],
      ["return", "college-leader", "补齐签字"],
      ["submit", "secretary", null],
      ["reject", "college-leader", "学生撤回"],
    ]);
  });

  it("lets only the stage's role, of the right college, decide", async () => {
    const app = await file("suspension", await student());
    await (await w.as("secretary-a")).applications.submit({ applicationId: app.id, expectedVersion: 1 });
    for (const who of ["registrar-leader", "registrar"]) {
      const error = await (await w.as(who)).applications
        .decide({ applicationId: app.id, expectedVersion: 2, action: "advance" })
        .catch((e: TRPCError) => e);
      expect(error).toMatchObject({ code: "FORBIDDEN", cause: { code: "application.not-your-stage" } });
      expect(((error as TRPCError).cause as AppError).userMessage()).toBe("“二级学院审核”环节由二级学院分管院领导审批。");
    }
  });

  it("refuses at 办理 a change the student's status does not allow, and gives back nothing it took", async () => {
    const studentNo = await student("suspended");
    const app = await file("resumption", studentNo);
    // Every approver signs; then, before 办理, the student is no longer 休学 (the record moved).
    for (const [who, action] of [
      ["secretary-a", "submit"],
      ["leader-a", "advance"],
      ["registrar-leader", "advance"],
    ] as const) {
      const [now] = await w.db.select().from(applications).where(eq(applications.id, app.id));
      const caller = await w.as(who);
      if (action === "submit") await caller.applications.submit({ applicationId: app.id, expectedVersion: now?.version as number });
      else await caller.applications.decide({ applicationId: app.id, expectedVersion: now?.version as number, action, opinion: "同意" });
    }
    await w.db.update(students).set({ status: "enrolled" }).where(eq(students.studentNo, studentNo));
    const before = resultRows<{ last: number }>(await w.db.execute(sql`select coalesce(max(last), 0) as last from notice_counters`))[0]
      ?.last;
    const error = await runToEnd(app.id).catch((e: TRPCError) => e);
    expect(error).toMatchObject({ code: "CONFLICT", cause: { code: "application.transition-refused" } });
    expect((error as TRPCError).message).toBe("application.transition-refused");
    const [after] = await w.db.select().from(applications).where(eq(applications.id, app.id));
    expect(after).toMatchObject({ stage: "execution", noticeNo: null });
    const now = resultRows<{ last: number }>(await w.db.execute(sql`select coalesce(max(last), 0) as last from notice_counters`))[0]?.last;
    expect(now).toBe(before);
    expect((await statusOf(studentNo))?.status).toBe("enrolled");
  });

  it("numbers notices without gaps or repeats when 20 are executed at once", async () => {
    const ids: Array<{ id: number; version: number }> = [];
    for (let i = 0; i < 20; i++) {
      const app = await file("suspension", await student());
      let version = 1;
      for (const [who, action] of [
        ["secretary-a", "submit"],
        ["leader-a", "advance"],
        ["registrar-leader", "advance"],
      ] as const) {
        const caller = await w.as(who);
        const decided =
          action === "submit"
            ? await caller.applications.submit({ applicationId: app.id, expectedVersion: version })
            : await caller.applications.decide({ applicationId: app.id, expectedVersion: version, action });
        version = decided.version;
      }
      ids.push({ id: app.id, version });
    }
    const registrar = await w.as("registrar");
    const done = await Promise.all(
      ids.map(({ id, version }) => registrar.applications.decide({ applicationId: id, expectedVersion: version, action: "advance" })),
    );
    const numbers = done.map((d) => Number(d.noticeNo?.slice(5))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(20);
    expect((numbers.at(-1) ?? 0) - (numbers[0] ?? 0)).toBe(19);
    const all = (await w.db.select({ no: applications.noticeNo }).from(applications))
      .map((r) => r.no)
      .filter(Boolean)
      .map((n) => Number(n?.slice(5)))
      .sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
  });

  it("lets exactly one of two simultaneous deciders win; the other is told to refresh", async () => {
    const app = await file("suspension", await student());
    await (await w.as("secretary-a")).applications.submit({ applicationId: app.id, expectedVersion: 1 });
    const leader = await w.as("leader-a");
    const outcomes = await Promise.allSettled([
      leader.applications.decide({ applicationId: app.id, expectedVersion: 2, action: "advance", opinion: "同意" }),
      leader.applications.decide({ applicationId: app.id, expectedVersion: 2, action: "return", opinion: "不同意" }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const lost = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: "CONFLICT", cause: { code: "application.conflict", params: { version: 3 } } });
  });

  it("counts deadlines in working days across the National Day holiday and its make-up Saturday", async () => {
    const app = await file("resumption", await student("suspended"));
    const submitted = await (await w.as("secretary-a", "2026-09-30")).applications.submit({ applicationId: app.id, expectedVersion: 1 });
    // 5 working days from Wed 30 Sept: 8, 9, 10 (Saturday, 调休), 12, 13 October.
    expect(submitted).toMatchObject({ submittedOn: "2026-09-30", dueOn: "2026-10-13" });
    const listed = async (today: string) =>
      (await (await w.as("registrar", today)).applications.list({ overdue: true, limit: 200 })).items.map((a) => a.id);
    expect(await listed("2026-10-13")).not.toContain(app.id);
    expect(await listed("2026-10-14")).toContain(app.id);
  });

  it("sets 学籍注销 due 15 working days after a withdrawal is executed (seed 003 第十二条)", async () => {
    const app = await file("withdrawal", await student());
    const done = await runToEnd(app.id, "2026-09-25");
    expect(done).toMatchObject({ executedOn: "2026-09-25", deregistrationDueOn: "2026-10-22" });
  });

  it("decides many at once and says per application what happened", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const app = await file("suspension", await student());
      await (await w.as("secretary-a")).applications.submit({ applicationId: app.id, expectedVersion: 1 });
      ids.push(app.id);
    }
    const results = await (await w.as("leader-a")).applications.bulkDecide({
      action: "advance",
      opinion: "同意",
      items: [
        { applicationId: ids[0] as number, expectedVersion: 2 },
        { applicationId: ids[1] as number, expectedVersion: 1 }, // stale
        { applicationId: ids[2] as number, expectedVersion: 2 },
      ],
    });
    expect(results).toEqual([
      { applicationId: ids[0], ok: true, stage: "registrar-leader", version: 3 },
      {
        applicationId: ids[1],
        ok: false,
        code: "application.conflict",
        message: "这份申请刚刚已被他人处理（现为第 2 版），请刷新后再操作。",
      },
      { applicationId: ids[2], ok: true, stage: "registrar-leader", version: 3 },
    ]);
  });

  it("lifts an academic warning when the credits are cleared, keeping who and why", async () => {
    const [studentRow] = await w.db.select().from(students).limit(1);
    const [item] = await w.db
      .insert(pendingItems)
      .values({
        studentId: studentRow?.id as number,
        collegeId: w.collegeA,
        kind: "warning-1",
        academicYear: "2025-2026",
        termCode: "2025-2026-1",
        figures: { termFailedCredits: 12 },
      })
      .returning();
    const registrar = await w.as("registrar");
    const lifted = await registrar.pending.lift({ itemId: item?.id as number, reason: "补考全部通过，不合格学分已清零" });
    expect(lifted).toMatchObject({ state: "lifted", liftReason: "补考全部通过，不合格学分已清零", liftedBy: expect.any(Number) });
    await expect(registrar.pending.lift({ itemId: item?.id as number, reason: "再次" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect((await w.as("secretary-a")).pending.lift({ itemId: item?.id as number, reason: "x" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("opens 退学处理 from an accepted dismissal list: at the registrar's stage, or with the college while evidence is missing", async () => {
    const withEvidence = await student("suspended", "期满");
    const without = await student("enrolled", "旷课");
    const grid = gridOf([
      ["学号", "姓名", "退学原因", "佐证材料"],
      [withEvidence, "期满", "休学期满未办理复学", "休学通知单、电话记录"],
      [without, "旷课", "连续两周未参加教学活动", null],
    ]);
    const receipt = await (await w.as("secretary-a")).sheets.submit({
      clientId: `dismissal-list-${engine}`,
      termCode: "2026-2027-1",
      kind: "dismissal",
      grid,
    });
    await (await w.as("registrar")).sheets.review({ submissionId: receipt.submissionId, decision: "accept" });
    const opened = (await (await w.as("registrar")).applications.list({ type: "dismissal", state: "open", limit: 200 })).items.filter((a) =>
      [withEvidence, without].includes(a.studentNo),
    );
    expect(Object.fromEntries(opened.map((a) => [a.studentNo, [a.stage, a.reasonCode]]))).toEqual({
      [withEvidence]: ["registrar", "31"],
      [without]: ["draft", "39"],
    });
    const done = await runToEnd(opened.find((a) => a.studentNo === withEvidence)?.id as number);
    expect(done?.state).toBe("done");
    expect((await statusOf(withEvidence))?.status).toBe("withdrawn");
  });

  it("opens 退学处理 from a 退学 outcome of the standing rules, and marks the item taken up", async () => {
    const studentNo = await student("enrolled", "学分");
    const [row] = await w.db.select().from(students).where(eq(students.studentNo, studentNo));
    const [item] = await w.db
      .insert(pendingItems)
      .values({
        studentId: row?.id as number,
        collegeId: w.collegeA,
        kind: "dismissal",
        academicYear: "2025-2026",
        termCode: "",
        figures: { yearFailedCredits: 37 },
      })
      .returning();
    const registrar = await w.as("registrar");
    const app = await registrar.applications.fromPending({ itemId: item?.id as number });
    expect(app).toMatchObject({
      type: "dismissal",
      stage: "registrar",
      reasonCode: "22",
      note: `2025-2026 学年累计不合格 37 学分（学籍处理初步意见 #${item?.id}）`,
    });
    const [submitted] = (await registrar.applications.timeline({ applicationId: app.id })).decisions;
    expect(submitted?.opinion).toBe(`由学籍处理初步意见 #${item?.id}（退学）生成，报送教务处学籍中心审核`);
    // An English reader's take-up writes them in English (the notice catalogue, as every sentence the system says).
    expect(fromStandingOpinion(item as PendingItem, DEFAULT_WORKFLOWS.dismissal, "registrar", "en")).toBe(
      `Opened from standing outcome #${item?.id} (dismissal); sent to Registrar review`,
    );
    expect(standingNote(item as PendingItem, "en")).toBe(`37 failed credits in 2025-2026 (standing outcome #${item?.id})`);
    await expect(registrar.applications.fromPending({ itemId: item?.id as number })).rejects.toMatchObject({
      cause: { code: "application.wrong-stage" },
    });
    expect((await runToEnd(app.id))?.state).toBe("done");
    expect((await statusOf(studentNo))?.status).toBe("withdrawn");
  });

  // Last in this file: it changes the dismissal workflow in force for 2026-2027.
  it("reads a dismissal list's stage and reasons from the workflow in force, not from code", async () => {
    const { name, materials, reasons, stages, publicNoticeDays, deadlineWorkingDays } = DEFAULT_WORKFLOWS.dismissal;
    const summary = {
      key: "registrar-summary",
      name: { "zh-CN": "教务处汇总", en: "Registrar summary" },
      role: "registrar-staff" as const,
    };
    expect(
      await (await w.as("registrar-leader")).settings.publish({
        kind: "workflow",
        key: "dismissal",
        validFrom: "2026-2027",
        reason: "退学处理增加“旷课”原因，教务处汇总环节改名",
        value: {
          name,
          materials: [...materials],
          reasons: [
            ...reasons.map((r) => ({ ...r, materials: [...r.materials], ...(r.keywords ? { keywords: [...r.keywords] } : {}) })),
            { code: "41", name: { "zh-CN": "旷课", en: "Absence" }, materials: [], keywords: ["未参加教学活动"] },
          ],
          stages: stages.map((st) => (st.role === "registrar-staff" ? summary : { ...st })),
          publicNoticeDays,
          deadlineWorkingDays,
        },
      }),
    ).toMatchObject({ status: "published" });
    const absent = await student("enrolled", "缺课");
    const receipt = await (await w.as("secretary-a")).sheets.submit({
      clientId: `dismissal-list-2-${engine}`,
      termCode: "2026-2027-1",
      kind: "dismissal",
      grid: gridOf([
        ["学号", "姓名", "退学原因", "佐证材料"],
        [absent, "缺课", "连续两周未参加教学活动", "考勤记录"],
      ]),
    });
    await (await w.as("registrar")).sheets.review({ submissionId: receipt.submissionId, decision: "accept" });
    const [opened] = (await (await w.as("registrar")).applications.list({ type: "dismissal", limit: 200 })).items.filter(
      (a) => a.studentNo === absent,
    );
    expect([opened?.stage, opened?.reasonCode]).toEqual(["registrar-summary", "41"]);
    const [submitted] = (await (await w.as("registrar")).applications.timeline({ applicationId: opened?.id as number })).decisions;
    expect(submitted?.opinion).toBe(`二级学院党政联席会研究，见退学处理申报表（${receipt.submissionId.slice(0, 8)}），报送教务处汇总`);
  });

  it("counts the filtered list's groups over the whole list, overdue part included, within the caller's colleges", async () => {
    const late = await file("suspension", await student());
    await (await w.as("secretary-a", "2026-09-01")).applications.submit({ applicationId: late.id, expectedVersion: 1 });
    const registrar = await w.as("registrar");
    const everything = (await registrar.applications.list({ limit: 200 })).items;
    const overdueIds = new Set((await registrar.applications.list({ overdue: true, limit: 200 })).items.map((a) => a.id));
    expect(overdueIds.has(late.id)).toBe(true);
    for (const by of ["type", "stage", "college", "state"] as const) {
      const keyOf = (a: (typeof everything)[number]) => (by === "college" ? String(a.collegeId) : a[by]);
      const expected = new Map<string, { count: number; overdue: number }>();
      for (const a of everything) {
        const g = expected.get(keyOf(a)) ?? { count: 0, overdue: 0 };
        expected.set(keyOf(a), { count: g.count + 1, overdue: g.overdue + (overdueIds.has(a.id) ? 1 : 0) });
      }
      const counted = await registrar.applications.groupCounts({ by });
      expect(counted.total).toBe(everything.length);
      expect(new Map(counted.groups.map((g) => [g.key, { count: g.count, overdue: g.overdue }]))).toEqual(expected);
    }
    const open = await registrar.applications.groupCounts({ by: "type", state: "open", type: "suspension" });
    expect(open.groups.map((g) => g.key)).toEqual(["suspension"]);
    // A college role counts its own college only, whatever college it asks for.
    const allColleges = await registrar.applications.groupCounts({ by: "college" });
    const ownCollege = await (await w.as("secretary-a")).applications.groupCounts({ by: "college" });
    expect(ownCollege.groups).toEqual(allColleges.groups.filter((g) => g.key === String(w.collegeA)));
    expect(ownCollege.total).toBeGreaterThan(0);
  });
});
