import type { TRPCError } from "@trpc/server";
import { type AppError, type ApplicationType, DEFAULT_WORKFLOWS, requiredMaterials } from "@xueji/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runApplication } from "../../../test/run-application";
import { makeWorld, type World } from "../../../test/world";
import { applications, classes, pendingItems, students } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";

const DAY = "2026-11-23"; // a Monday
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString("base64");

describe.each(TEST_ENGINES)("the seeds' workflows on %s", (engine) => {
  let w: World;
  let serial = 0;
  beforeAll(async () => {
    w = await makeWorld(engine);
  }, 60_000);
  afterAll(() => w.database.close());

  async function student(status = "enrolled", grade = 2025) {
    serial++;
    const studentNo = `${grade}018${String(serial).padStart(3, "0")}`;
    await w.insertStudents([{ studentNo, name: "测试", collegeId: w.collegeA, majorId: w.majorA, grade, status }]);
    return studentNo;
  }
  const statusOf = async (studentNo: string) => (await w.db.select().from(students).where(eq(students.studentNo, studentNo)))[0];
  async function file(type: ApplicationType, studentNo: string, reasonCode = DEFAULT_WORKFLOWS[type].reasons[0]?.code as string) {
    return (await w.as("secretary-a")).applications.file({
      studentNo,
      type,
      reasonCode,
      materials: requiredMaterials(DEFAULT_WORKFLOWS[type], reasonCode) as never,
      ...(DEFAULT_WORKFLOWS[type].period ? { periodStartsOn: "2026-12-01", periodEndsOn: "2027-11-30" } : {}),
    });
  }

  it.each([
    // seed 003 第十条 学籍注销 “含退学、取消学籍、开除学籍、死亡等”.
    ["expulsion", "enrolled", "expelled", "2026-12-14"],
    ["status-cancellation", "enrolled", "status-cancelled", "2026-12-14"],
    // seed 003 第四条 “复查不合格者取消入学资格” — after 报到, before 电子注册: no 学籍 to 注销.
    ["cancel-admission", "reported", "admission-cancelled", null],
    // seed 004 “新生未学籍电子注册前想放弃学业的学生按放弃入学资格处理”: 报到 is not yet 电子注册, no 学籍 to 注销.
    ["give-up-admission", "reported", "admission-given-up", null],
  ] as Array<[ApplicationType, string, string, string | null]>)(
    "%s: %s → %s, 学籍注销 due %s (seed 003 第十二条: 15 working days after a 学籍 ends)",
    async (type, from, to, due) => {
      const studentNo = await student(from, 2026);
      const filed = await file(type, studentNo);
      const done = await runApplication(w, filed.id, { today: DAY });
      expect(done).toMatchObject({ state: "done", noticeNo: expect.stringMatching(/^2026-\d{4}$/) });
      // “学籍注销应在学籍处理后15个工作日内完成”: executed on Monday 23 November → 14 December.
      expect(done?.deregistrationDueOn).toBe(due);
      expect((await statusOf(studentNo))?.status).toBe(to);
    },
  );

  it("flags a deadline counted into 2027, whose public holidays are not published, as provisional", async () => {
    const early = await file("suspension", await student());
    expect(
      await (await w.as("secretary-a", DAY)).applications.submit({ applicationId: early.id, expectedVersion: early.version }),
    ).toMatchObject({
      dueOn: "2026-12-07",
      provisional: false,
    });
    const late = await file("suspension", await student());
    expect(
      await (await w.as("secretary-a", "2026-12-28")).applications.submit({ applicationId: late.id, expectedVersion: late.version }),
    ).toMatchObject({ provisional: true });
  });

  it("shows a 注销 not reported within 15 working days as overdue on the pipeline and in the list", async () => {
    const filed = await file("expulsion", await student());
    const executed = await runApplication(w, filed.id, { today: DAY, until: "reported" });
    expect(executed).toMatchObject({ stage: "reported", deregistrationDueOn: "2026-12-14" });
    const onTime = await (await w.as("registrar", "2026-12-14")).insights.pipeline({});
    expect(onTime.find((r) => r.type === "expulsion" && r.stage === "reported")).toMatchObject({ overdue: 0, deregistrationOverdue: 0 });
    const late = await w.as("registrar", "2026-12-15");
    expect((await late.insights.pipeline({})).find((r) => r.type === "expulsion" && r.stage === "reported")).toMatchObject({
      overdue: 1,
      deregistrationOverdue: 1,
    });
    const listed = (await late.applications.list({ overdue: true, type: "expulsion" })).items;
    expect(listed.map((a) => a.id)).toEqual([filed.id]);
  });

  it("records the paper signature of an office without an account (招生就业处, seed 004 保留入学资格) — who, when, the scan", async () => {
    const app = await file("keep-admission", await student("admitted", 2026), "34");
    const at = await runApplication(w, app.id, { today: DAY, until: "admissions-office" });
    expect(at?.stage).toBe("admissions-office");
    await expect(
      (await w.as("registrar")).applications.decide({ applicationId: app.id, expectedVersion: at?.version as number, action: "advance" }),
    ).rejects.toMatchObject({ cause: { code: "application.sign-off-required" } });
    await expect(
      (await w.as("secretary-b")).applications.recordSignOff({
        applicationId: app.id,
        expectedVersion: at?.version as number,
        signer: "王某",
        signedOn: DAY,
      }),
    ).rejects.toMatchObject({ cause: { code: "application.not-found" } });
    await expect(
      (await w.as("secretary-a")).applications.recordSignOff({
        applicationId: app.id,
        expectedVersion: at?.version as number,
        signer: "王某",
        signedOn: DAY,
        scan: { type: "application/pdf", base64: PNG },
      }),
    ).rejects.toMatchObject({ cause: { code: "application.scan-invalid" } });
    const signed = await (await w.as("secretary-a")).applications.recordSignOff({
      applicationId: app.id,
      expectedVersion: at?.version as number,
      signer: "招生就业工作处 王某",
      signedOn: "2026-11-20",
      scan: { type: "image/png", base64: PNG },
    });
    expect(signed.stage).toBe("registrar");
    expect(await (await w.as("leader-a")).applications.signOffs({ applicationId: app.id })).toEqual([
      expect.objectContaining({ stage: "admissions-office", signer: "招生就业工作处 王某", signedOn: "2026-11-20", scanType: "image/png" }),
    ]);
    const timeline = await (await w.as("registrar")).applications.timeline({ applicationId: app.id });
    expect(timeline.decisions.at(-1)).toMatchObject({ action: "sign-off", opinion: expect.stringContaining("招生就业工作处 王某") });
  });

  it("makes seed 002's paper chain of 休学 a workflow setting: 班主任确认, 辅导员/书记/院长, 学生处, 党委", async () => {
    const { DEFAULT_WORKFLOWS: d, signOffStage } = await import("@xueji/shared");
    const { type: _t, version: _v, event: _e, deregisters: _d, changes: _c, period: _p, ...editable } = d.suspension;
    // seed 002 一.1: “本人提出申请，班主任确认” → “辅导员、二级学院书记、二级学院院长签署意见” → “学生处和教务处签署意见” → “学校党委、分管校长签署意见”.
    const chain = [
      signOffStage("head-teacher", "班主任确认", "Head teacher"),
      signOffStage("counsellor", "辅导员、学院书记、院长签署意见", "Counsellor, college secretary and dean"),
      signOffStage("student-affairs", "学生处签署意见", "Student affairs office"),
      ...d.suspension.stages,
      signOffStage("party-committee", "学校党委签署意见", "Party committee"),
    ];
    expect(
      await (await w.as("registrar-leader")).settings.publish({
        kind: "workflow",
        key: "suspension",
        validFrom: "2026-2027",
        value: { ...editable, stages: chain },
        reason: "按纸质审批表的签字顺序",
      }),
    ).toMatchObject({ status: "published" });
    const studentNo = await student();
    const app = await file("suspension", studentNo);
    // The test helper reads the default chain; walk this one by hand.
    let current = (await w.db.select().from(applications).where(eq(applications.id, app.id)))[0];
    const seen: string[] = [];
    await (await w.as("secretary-a")).applications.submit({ applicationId: app.id, expectedVersion: current?.version as number });
    for (;;) {
      current = (await w.db.select().from(applications).where(eq(applications.id, app.id)))[0];
      if (current?.state !== "open") break;
      seen.push(current.stage);
      const signOff = chain.find((s) => s.key === current?.stage)?.signOff;
      if (signOff) {
        await (await w.as("secretary-a")).applications.recordSignOff({
          applicationId: app.id,
          expectedVersion: current.version,
          signer: "签字人",
          signedOn: DAY,
        });
        continue;
      }
      const who = { college: "leader-a", "registrar-leader": "registrar-leader" }[current.stage] ?? "registrar";
      await (await w.as(who)).applications.decide({
        applicationId: app.id,
        expectedVersion: current.version,
        action: "advance",
        opinion: "同意",
      });
    }
    expect(seen).toEqual([
      "head-teacher",
      "counsellor",
      "student-affairs",
      "college",
      "registrar-leader",
      "party-committee",
      "execution",
      "reported",
    ]);
    expect((await statusOf(studentNo))?.status).toBe("suspended");
  });

  it("asks for the materials each reason needs", async () => {
    const secretary = await w.as("secretary-a");
    const submit = async (type: ApplicationType, status: string, reasonCode: string, materials: string[]) => {
      const app = await secretary.applications.file({ studentNo: await student(status), type, reasonCode, materials: materials as never });
      return secretary.applications.submit({ applicationId: app.id, expectedVersion: app.version });
    };
    // seed 004: “因病办理休学学生还须提供医院康复证明，因参军办理休学的学生还须附退役证明”.
    // The error carries the material keys; its message names them in the reader's language.
    const illness = await submit("resumption", "suspended", "10", ["application-form"]).catch((e: TRPCError) => e);
    expect(illness).toMatchObject({ cause: { code: "application.materials-missing", params: { materials: "recovery" } } });
    expect(((illness as TRPCError).cause as AppError).userMessage()).toContain("还缺：医院康复证明。");
    expect(((illness as TRPCError).cause as AppError).userMessage("en")).toContain("Hospital certificate of recovery");
    const army = await submit("resumption", "suspended", "34", ["application-form", "recovery"]).catch((e: TRPCError) => e);
    expect(army).toMatchObject({ cause: { code: "application.materials-missing", params: { materials: "discharge" } } });
    expect(((army as TRPCError).cause as AppError).userMessage()).toContain("还缺：退役证明。");
    await expect(submit("resumption", "suspended", "34", ["application-form", "discharge"])).resolves.toMatchObject({ stage: "college" });
    // seed 002 四: 自动退学 is filed by the 辅导员 with evidence; no application form of an absent student.
    await expect(submit("withdrawal", "enrolled", "21", ["auto-withdrawal-form", "counsellor-evidence"])).resolves.toMatchObject({
      stage: "college",
    });
  });

  it("carries out a 留级 outcome as a 降级（学业原因） application with its notice number (seed 000 九, seed 004 二.2)", async () => {
    const studentNo = await student("enrolled", 2024);
    const [row] = await w.db.select().from(students).where(eq(students.studentNo, studentNo));
    const [repeat, warning] = await w.db
      .insert(pendingItems)
      .values([
        {
          studentId: row?.id as number,
          collegeId: w.collegeA,
          kind: "repeat",
          academicYear: "2025-2026",
          termCode: "",
          figures: { yearFailedCredits: 30 },
        },
        {
          studentId: row?.id as number,
          collegeId: w.collegeA,
          kind: "warning-1",
          academicYear: "2025-2026",
          termCode: "2025-2026-1",
          figures: {},
        },
      ])
      .returning();
    const registrar = await w.as("registrar");
    await expect(registrar.applications.demotionFromPending({ itemId: warning?.id as number })).rejects.toMatchObject({
      cause: { code: "pending.wrong-kind" },
    });
    // The preview the registrar reads first: the next grade, the expected graduation a year later, the classes to place in.
    const preview = await registrar.pending.demotionPreview({ itemId: repeat?.id as number });
    expect(preview).toMatchObject({
      studentNo,
      before: { grade: 2024, expectedGraduationDate: "2028-06-30" },
      after: { grade: 2025, expectedGraduationDate: "2029-06-30" },
    });
    await expect((await w.as("secretary-a")).pending.demotionPreview({ itemId: repeat?.id as number })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    // A class of another grade is refused; nothing is taken up.
    const [otherGrade] = await w.db.select({ id: classes.id }).from(classes).where(eq(classes.grade, 2024)).limit(1);
    if (otherGrade)
      await expect(
        registrar.applications.demotionFromPending({ itemId: repeat?.id as number, classId: otherGrade.id }),
      ).rejects.toMatchObject({ cause: { code: "application.changes-invalid" } });
    const app = await registrar.applications.demotionFromPending({ itemId: repeat?.id as number });
    expect(app).toMatchObject({ type: "academic-demotion", stage: "registrar" });
    await expect(registrar.applications.demotionFromPending({ itemId: repeat?.id as number })).rejects.toMatchObject({
      cause: { code: "application.wrong-stage" },
    });
    const done = await runApplication(w, app.id, { today: DAY });
    expect(done).toMatchObject({
      state: "done",
      noticeNo: expect.stringMatching(/^2026-\d{4}$/),
      note: expect.stringContaining("30 学分"),
    });
    expect(await statusOf(studentNo)).toMatchObject({ grade: 2025, status: "enrolled", expectedGraduationDate: "2029-06-30" });
    const [item] = await w.db
      .select()
      .from(pendingItems)
      .where(eq(pendingItems.id, repeat?.id as number));
    expect(item?.state).toBe("taken-up");
  });
});
