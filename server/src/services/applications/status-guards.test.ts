import type { TRPCError } from "@trpc/server";
import { type AppError, type ApplicationType, DEFAULT_WORKFLOWS, requiredMaterials } from "@xueji/shared";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, type World } from "../../../test/world";
import { applications, auditEvents, pendingItems, students } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";

const DAY = "2026-11-23"; // a Monday
// 15 working days from here run into 2027, whose holidays the default calendar has not published.
const LATE_DECEMBER = "2026-12-21";

/**
 * The status guards of the applications (docs/domain.md §5), each named after its seed article:
 * what 办理 would refuse is refused when filing and at each decision; the papers and stages the seeds ask.
 */
describe.each(TEST_ENGINES)("status guards of the applications on %s", (engine) => {
  let w: World;
  let serial = 0;
  beforeAll(async () => {
    w = await makeWorld(engine);
  }, 60_000);
  afterAll(() => w.database.close());

  async function student(status = "enrolled", name = "测试") {
    serial++;
    const studentNo = `2025029${String(serial).padStart(3, "0")}`;
    await w.insertStudents([{ studentNo, name, collegeId: w.collegeA, majorId: w.majorA, grade: 2025, status }]);
    return studentNo;
  }
  const rowOf = async (studentNo: string) => (await w.db.select().from(students).where(eq(students.studentNo, studentNo)))[0];

  async function file(
    type: ApplicationType,
    studentNo: string,
    extra: { materials?: string[]; changes?: Record<string, string | number>; reasonCode?: string; today?: string } = {},
  ) {
    const workflow = DEFAULT_WORKFLOWS[type];
    const reasonCode = extra.reasonCode ?? (workflow.reasons[0]?.code as string);
    return (await w.as("secretary-a", extra.today)).applications.file({
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
    registrar: "registrar",
    "registrar-leader": "registrar-leader",
    "school-leader": "school-leader",
    "public-notice": "registrar",
    execution: "registrar",
    reported: "registrar",
  };

  /** One step by the role that decides the stage; a sign-off stage by the secretary's record. */
  async function step(id: number, today = DAY) {
    const [app] = await w.db.select().from(applications).where(eq(applications.id, id));
    if (app?.state !== "open") return app;
    const day = app.stage === "public-notice" ? (app.noticeEndsOn as string) : today;
    if (DEFAULT_WORKFLOWS[app.type as ApplicationType].stages.find((s) => s.key === app.stage)?.signOff) {
      await (await w.as("secretary-a", day)).applications.recordSignOff({
        applicationId: id,
        expectedVersion: app.version,
        signer: "经办人",
        signedOn: day,
      });
    } else {
      const caller = await w.as(USER_FOR[app.stage] as string, day);
      if (app.stage === "draft") await caller.applications.submit({ applicationId: id, expectedVersion: app.version });
      else await caller.applications.decide({ applicationId: id, expectedVersion: app.version, action: "advance", opinion: "同意" });
    }
    return (await w.db.select().from(applications).where(eq(applications.id, id)))[0];
  }
  async function runToEnd(id: number, today = DAY) {
    for (;;) {
      const app = await step(id, today);
      if (app?.state !== "open") return app;
    }
  }

  it("seed 000 八: 学籍信息修改 is refused after 毕业, 退学 or death, when filed — localised, naming 学历勘误", async () => {
    for (const status of ["graduated", "withdrawn", "deceased"]) {
      const studentNo = await student(status, "原名");
      const error = await file("identity-change", studentNo, { changes: { name: "新名" } }).catch((e: TRPCError) => e);
      expect(error).toMatchObject({ code: "CONFLICT", cause: { code: "application.identity-closed" } });
      const cause = (error as TRPCError).cause as AppError;
      expect(cause.userMessage()).toContain("学历（学位）勘误");
      expect(cause.userMessage("en")).toMatch(/record is closed/);
      expect(
        await w.db
          .select()
          .from(applications)
          .where(eq(applications.studentId, (await rowOf(studentNo))?.id as number)),
      ).toEqual([]);
    }
  });

  it("seed 000 八: 学籍信息修改 filed while 在读 is refused at the next decision once the student has graduated — the name stays", async () => {
    const studentNo = await student("enrolled", "原名");
    const app = await file("identity-change", studentNo, { changes: { name: "新名" } });
    await step(app.id); // 报送
    await w.db.update(students).set({ status: "graduated" }).where(eq(students.studentNo, studentNo));
    await expect(step(app.id)).rejects.toMatchObject({ cause: { code: "application.identity-closed" } });
    // Even at the last step (生效, where the fields change): the record moved after the approvals.
    const other = await student("enrolled", "旧名");
    const late = await file("identity-change", other, { changes: { name: "另名" } });
    for (let i = 0; i < 4; i++) await step(late.id);
    expect((await w.db.select().from(applications).where(eq(applications.id, late.id)))[0]?.stage).toBe("reported");
    await w.db.update(students).set({ status: "withdrawn" }).where(eq(students.studentNo, other));
    await expect(step(late.id)).rejects.toMatchObject({ cause: { code: "application.identity-closed" } });
    expect((await rowOf(other))?.name).toBe("旧名");
    expect((await rowOf(studentNo))?.name).toBe("原名");
  });

  it("seed 004 7 复学 / 5 放弃入学资格: refused when filed if 办理 would refuse it (复学 not on 休学, 放弃 after 电子注册)", async () => {
    const notSuspended = await student("enrolled");
    await expect(file("resumption", notSuspended)).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { code: "application.transition-refused" },
    });
    const registered = await student("enrolled");
    const error = await file("give-up-admission", registered).catch((e: TRPCError) => e);
    expect(error).toMatchObject({ cause: { code: "application.transition-refused" } });
    expect(((error as TRPCError).cause as AppError).userMessage()).toBe("该生学籍状态为“在读”，不能办理“放弃入学资格”。");
    expect(((error as TRPCError).cause as AppError).userMessage("en")).toContain("“Giving up admission” cannot be processed");
  });

  it("seed 004 7 复学: a 复学 filed for a 休学 student is refused at the next decision once the record has moved", async () => {
    const studentNo = await student("suspended");
    const app = await file("resumption", studentNo);
    await step(app.id); // 报送: still 休学
    await w.db.update(students).set({ status: "enrolled" }).where(eq(students.studentNo, studentNo));
    await expect(step(app.id)).rejects.toMatchObject({ cause: { code: "application.transition-refused" } });
    const [after] = await w.db.select().from(applications).where(eq(applications.id, app.id));
    expect(after).toMatchObject({ stage: "college", version: 2 });
    // A rejection is still possible: the approver can close it.
    await (await w.as("leader-a")).applications.decide({
      applicationId: app.id,
      expectedVersion: 2,
      action: "reject",
      opinion: "已复学",
    });
  });

  it("seed 003 第十二条: 放弃入学资格 and 取消入学资格 set no 学籍注销 deadline — the student never had a 学籍", async () => {
    for (const type of ["give-up-admission", "cancel-admission"] as const) {
      const studentNo = await student("admitted");
      const app = await file(type, studentNo);
      const done = await runToEnd(app.id);
      expect(done).toMatchObject({ state: "done", deregistrationDueOn: null });
      // Not overdue on the board, however late it is looked at.
      const listed = await (await w.as("registrar", "2027-12-31")).applications.list({ overdue: true, limit: 100 });
      expect(listed.items.map((i) => i.id)).not.toContain(app.id);
    }
    // A withdrawal still does (it ends a 学籍).
    const withdrawn = await runToEnd((await file("withdrawal", await student("enrolled"))).id);
    expect(withdrawn?.deregistrationDueOn).toBeTruthy();
  });

  it("seed 004 附件二 复学: “因病办理休学学生还须提供医院康复证明” — whatever reason the 复学 names", async () => {
    const studentNo = await student("enrolled");
    // 休学 for illness, executed.
    await runToEnd((await file("suspension", studentNo, { reasonCode: "10" })).id);
    expect((await rowOf(studentNo))?.status).toBe("suspended");
    const app = await file("resumption", studentNo, { reasonCode: "99", materials: ["application-form"] });
    const error = await (await w.as("secretary-a")).applications
      .submit({ applicationId: app.id, expectedVersion: 1 })
      .catch((e: TRPCError) => e);
    expect(error).toMatchObject({ cause: { code: "application.materials-missing", params: { materials: "recovery" } } });
    expect(((error as TRPCError).cause as AppError).userMessage()).toContain("医院康复证明");
    // The detail page asks the same list.
    const timeline = await (await w.as("secretary-a")).applications.timeline({ applicationId: app.id });
    expect(timeline.workflow.materials).toContain("recovery");
    // With it, the 复学 goes through.
    await (await w.as("secretary-a")).applications.editDraft({
      applicationId: app.id,
      expectedVersion: 1,
      reasonCode: "99",
      materials: ["application-form", "recovery"],
    });
    expect((await runToEnd(app.id))?.state).toBe("done");
  });

  it("seed 004 附件二 备注: a voluntary 降级 or 退学 is refused for a student with a pending 留级/退学 item", async () => {
    for (const [kind, type, code, changes] of [
      ["repeat", "demotion", "application.repeat-pending", { grade: 2026 }],
      ["dismissal", "withdrawal", "application.dismissal-pending", undefined],
    ] as const) {
      const studentNo = await student("enrolled");
      const id = (await rowOf(studentNo))?.id as number;
      const [item] = await w.db
        .insert(pendingItems)
        .values({ studentId: id, collegeId: w.collegeA, kind, academicYear: "2025-2026", termCode: "", figures: { yearFailedCredits: 30 } })
        .returning();
      const error = await file(type, studentNo, changes ? { changes } : {}).catch((e: TRPCError) => e);
      expect(error).toMatchObject({ code: "CONFLICT", cause: { code } });
      expect(((error as TRPCError).cause as AppError).userMessage()).toContain(kind === "repeat" ? "降级（学业原因）" : "退学处理");
      // Once the item is lifted (the credits cleared), the voluntary route is open.
      await w.db
        .update(pendingItems)
        .set({ state: "lifted" })
        .where(eq(pendingItems.id, item?.id as number));
      await expect(file(type, studentNo, changes ? { changes } : {})).resolves.toMatchObject({ stage: "draft" });
    }
    // A 留级 item filed after the draft stops the voluntary 降级 at its next decision.
    const late = await student("enrolled");
    const app = await file("demotion", late, { changes: { grade: 2026 } });
    await w.db.insert(pendingItems).values({
      studentId: (await rowOf(late))?.id as number,
      collegeId: w.collegeA,
      kind: "repeat",
      academicYear: "2025-2026",
      termCode: "",
      figures: { yearFailedCredits: 30 },
    });
    await expect(step(app.id)).rejects.toMatchObject({ cause: { code: "application.repeat-pending" } });
  });

  it("seed 004 二.8: 退学处理 passes the 教务处分管领导 before the 分管校领导", async () => {
    expect(DEFAULT_WORKFLOWS.dismissal.stages.map((s) => s.role)).toEqual([
      "college-leader",
      "registrar-staff",
      "registrar-leader",
      "school-leader",
    ]);
    const studentNo = await student("suspended");
    const app = await file("dismissal", studentNo, { reasonCode: "31" });
    await step(app.id); // 报送
    await step(app.id); // 二级学院
    await step(app.id); // 教务处汇总
    const [atLeader] = await w.db.select().from(applications).where(eq(applications.id, app.id));
    expect(atLeader?.stage).toBe("registrar-leader");
    // Registrar staff cannot stand in for the 分管领导.
    await expect(
      (await w.as("registrar")).applications.decide({
        applicationId: app.id,
        expectedVersion: atLeader?.version as number,
        action: "advance",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", cause: { code: "application.not-your-stage" } });
    expect((await runToEnd(app.id))?.state).toBe("done");
    expect((await rowOf(studentNo))?.status).toBe("withdrawn");
  });

  it("GB 11643 / seed 000 五: the identity-change form reads an ID number as the sheets do — a birth in the future is refused", async () => {
    const studentNo = await student("enrolled");
    const error = await file("identity-change", studentNo, { changes: { idNumber: "110101203001011236" } }).catch((e: TRPCError) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST", cause: { code: "application.changes-invalid" } });
    expect(
      await w.db
        .select()
        .from(applications)
        .where(eq(applications.studentId, (await rowOf(studentNo))?.id as number)),
    ).toEqual([]);
    // A plausible number still files.
    await expect(file("identity-change", studentNo, { changes: { idNumber: "110101200501011239" } })).resolves.toMatchObject({
      stage: "draft",
    });
  });

  it("学信网 证件类型: the identity-change form reads a 港澳 or foreign student's document by its own format", async () => {
    const studentNo = await student("enrolled");
    // Without a document type, an H-number is not an ID number.
    await expect(file("identity-change", studentNo, { changes: { idNumber: "H12345678" } })).rejects.toMatchObject({
      cause: { code: "application.changes-invalid", params: { problem: "id-number" } },
    });
    const app = await file("identity-change", studentNo, { changes: { idNumber: "H12345678", documentType: "港澳居民来往内地通行证" } });
    expect(app.changes).toMatchObject({ idNumber: "H12345678", documentType: "港澳居民来往内地通行证" });
    await runToEnd(app.id);
    expect((await rowOf(studentNo))?.idNumber).toBe("H12345678");
    // A wrong number for the document named, or a document 学信网 does not know, is refused.
    const other = await student("enrolled");
    await expect(file("identity-change", other, { changes: { idNumber: "1234567", documentType: "台胞证" } })).rejects.toMatchObject({
      cause: { code: "application.changes-invalid", params: { problem: "id-number" } },
    });
    await expect(file("identity-change", other, { changes: { idNumber: "12345678", documentType: "学生证" } })).rejects.toMatchObject({
      cause: { code: "application.changes-invalid", params: { problem: "document-type" } },
    });
  });

  it("seed 003 第十二条 / seed 004 二.2, 二.8: deadlines opened from the standing rules are flagged provisional when they run into 2027", async () => {
    for (const kind of ["repeat", "dismissal"] as const) {
      const studentNo = await student("enrolled");
      const [item] = await w.db
        .insert(pendingItems)
        .values({
          studentId: (await rowOf(studentNo))?.id as number,
          collegeId: w.collegeA,
          kind,
          academicYear: "2025-2026",
          termCode: "",
          figures: { yearFailedCredits: kind === "repeat" ? 30 : 37 },
        })
        .returning();
      const registrar = await w.as("registrar", LATE_DECEMBER);
      const created =
        kind === "repeat"
          ? await registrar.applications.demotionFromPending({ itemId: item?.id as number })
          : await registrar.applications.fromPending({ itemId: item?.id as number });
      expect(created.dueOn?.startsWith("2027")).toBe(true);
      expect(created.provisional).toBe(true);
      const [event] = await w.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "application.from-pending"), eq(auditEvents.entityId, String(created.id))));
      expect(event?.after).toMatchObject({ provisional: true });
    }
    // In November the 15 working days end in 2026: not provisional.
    const studentNo = await student("enrolled");
    const [item] = await w.db
      .insert(pendingItems)
      .values({
        studentId: (await rowOf(studentNo))?.id as number,
        collegeId: w.collegeA,
        kind: "repeat",
        academicYear: "2025-2026",
        termCode: "",
        figures: { yearFailedCredits: 30 },
      })
      .returning();
    const created = await (await w.as("registrar", DAY)).applications.demotionFromPending({ itemId: item?.id as number });
    expect(created.provisional).toBe(false);
  });
});
