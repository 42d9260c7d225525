import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { CN_HOLIDAYS, DEFAULT_WORKFLOWS, type Material, requiredMaterials } from "@xueji/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gridOf } from "../test/grid";
import { portraitJpeg } from "../test/photo";
import { makeWorld, type World } from "../test/world";
import { TEST_ENGINES } from "./db/test-database";
import { craftZip } from "./files/testing/craft-zip";
import { appRouter } from "./router";
import { SETTING_KINDS } from "./services/settings/setting-kinds";

type Caller = Awaited<ReturnType<World["as"]>>;

/** A file the pane's file mode sends (a two-row CSV), with the fixes for files.fix. */
function rosterForm(fixes?: unknown): FormData {
  const form = new FormData();
  form.append("file", new Blob(["学号,姓名,性别\n2025010001,张 三,男\n"]), "名单.csv");
  if (fixes) form.append("fixes", JSON.stringify(fixes));
  return form;
}
const PHOTO = portraitJpeg().toString("base64");
type Outcome = "ok" | "FORBIDDEN" | "UNAUTHORIZED" | "NOT_FOUND";

const USERS = ["secretary-a", "leader-a", "registrar", "registrar-leader", "school-leader", "admin", null] as const;

/**
 * The permission matrix, written out by hand from docs/domain.md §1 (not derived from the code's own
 * table, so that a wrong table fails here). Each cell: [own college A, other college B].
 */
const S: [Outcome, Outcome] = ["ok", "FORBIDDEN"]; // a college role: own college only
const A: [Outcome, Outcome] = ["ok", "ok"];
const F: [Outcome, Outcome] = ["FORBIDDEN", "FORBIDDEN"];
const U: [Outcome, Outcome] = ["UNAUTHORIZED", "UNAUTHORIZED"];
// By id: another college's record is "not found", exactly like a missing one (docs/domain.md §1).
const H: [Outcome, Outcome] = ["ok", "NOT_FOUND"];
// Called with an id that does not exist: passing the gate gives NOT_FOUND.
const N: [Outcome, Outcome] = ["NOT_FOUND", "NOT_FOUND"];
//                    secretary-a, leader-a, registrar, registrar-leader, school-leader, admin, anonymous
const MATRIX: Record<string, Array<[Outcome, Outcome]>> = {
  "sheets.validate": [S, F, A, F, F, F, U],
  "sheets.checkRules": [A, F, A, F, F, F, U],
  "sheets.submit": [S, F, A, F, F, F, U],
  "sheets.list": [S, S, A, A, A, F, U],
  "sheets.get": [H, H, A, A, A, F, U],
  "sheets.diff": [H, H, A, A, A, F, U],
  "sheets.review": [F, F, N, N, F, F, U],
  "students.list": [S, S, A, A, A, F, U],
  "pending.list": [S, S, A, A, A, F, U],
  "auditLog.list": [F, F, A, A, F, A, U],
  "auditLog.verify": [F, F, A, A, F, A, U],
  "users.list": [F, F, F, F, F, A, U],
  "users.create": [F, F, F, F, F, A, U],
  "users.disable": [F, F, F, F, F, N, U],
  "users.enable": [F, F, F, F, F, N, U],
  "users.resetPassword": [F, F, F, F, F, N, U],
  "users.endSessions": [F, F, F, F, F, N, U],
  "auth.me": [A, A, A, A, A, A, U],
  "applications.file": [H, F, A, F, F, F, U],
  "applications.submit": [H, F, A, F, F, F, U],
  "applications.decide": [F, H, A, A, A, F, U],
  "applications.list": [S, S, A, A, A, F, U],
  "applications.groupCounts": [S, S, A, A, A, F, U],
  "applications.timeline": [H, H, A, A, A, F, U],
  "applications.bulkDecide": [F, A, A, A, A, F, U],
  "applications.studentHistory": [H, H, A, A, A, F, U],
  "pending.lift": [F, F, N, F, F, F, U],
  "notifications.channels": [F, F, A, A, F, A, U],
  "notifications.saveChannel": [F, F, F, A, F, A, U],
  "notifications.outbox": [F, F, A, A, F, A, U],
  "signOnSettings.read": [F, F, F, F, F, A, U],
  "signOnSettings.save": [F, F, F, F, F, A, U],
  "notifications.urge": [F, F, N, N, F, F, U],
  "applications.fromPending": [F, F, N, F, F, F, U],
  "graduation.run": [F, F, A, F, F, F, U],
  "graduation.summary": [S, S, A, A, A, F, U],
  "graduation.freeze": [S, S, A, A, A, F, U],
  "graduation.override": [F, F, N, N, F, F, U],
  "graduation.advance": [F, S, A, F, F, F, U],
  "settings.current": [F, F, A, A, F, A, U],
  "settings.previewStandingRules": [F, F, A, A, F, A, U],
  "graduation.list": [S, S, A, A, A, F, U],
  "insights.pipeline": [S, S, A, A, A, F, U],
  "insights.warnings": [A, A, A, A, A, A, U],
  // Graduation execution and certificates, 降级 from the standing rules, signatures on paper.
  "graduation.execute": [F, F, A, F, F, F, U],
  "graduation.convertCompletion": [F, F, N, F, F, F, U],
  "graduation.supplementDegree": [F, F, N, F, F, F, U],
  "graduation.recordFacts": [F, F, A, F, F, F, U],
  "graduation.executionPreview": [S, S, A, A, A, F, U],
  "graduation.certificates": [S, S, A, A, A, F, U],
  "graduation.exportCertificates": [S, S, A, A, A, F, U],
  "applications.demotionFromPending": [F, F, N, F, F, F, U],
  "applications.recordSignOff": [H, F, A, F, F, F, U],
  "applications.signOffs": [H, H, A, A, A, F, U],
  // A draft's filer edits, withdraws or deletes it; an unknown version passes the gate as CONFLICT.
  "applications.editDraft": [H, F, A, F, F, F, U],
  "applications.withdraw": [H, F, A, F, F, F, U],
  "applications.deleteDraft": [H, F, A, F, F, F, U],
  "applications.attachScan": [H, F, A, F, F, F, U],
  "applications.scan": [N, N, N, N, N, F, U],
  // Per-student results: another college's student is reported unknown in its row, not by refusing the call.
  "registration.register": [A, F, A, F, F, F, U],
  "registration.defer": [A, F, A, F, F, F, U],
  "registration.registerNewStudents": [F, F, A, F, F, F, U],
  "registration.list": [S, S, A, A, A, F, U],
  "registration.deadlines": [A, A, A, A, A, F, U],
  "registration.calendar": [A, A, A, A, A, F, U],

  "registration.summary": [S, S, A, A, A, F, U],
  "pending.demotionPreview": [F, F, N, F, F, F, U],
  // 学籍统计 is the registrar's report to the school's leaders (seed 001 十): no college role reads it.
  "reports.headcount": [F, F, A, A, A, F, U],
  "reports.headcountXlsx": [F, F, A, A, A, F, U],
  // The 学信网 upload and the 公示/发文 lists carry full ID numbers: the registrar office's only.
  "exports.registrationXlsx": [F, F, A, A, F, F, U],
  "exports.decisionListXlsx": [F, F, A, A, F, F, U],
  // The pane's file mode, under sheets.validate; no college in the input (the record's checks are her own college's).
  "files.check": [A, F, A, F, F, F, U],
  "files.grid": [A, F, A, F, F, F, U],
  "files.annotate": [A, F, A, F, F, F, U],
  "files.fix": [A, F, A, F, F, F, U],
  "files.newSheet": [A, F, A, F, F, F, U],
  "reports.issueDocument": [H, F, A, F, F, F, U],
  // 补打 as issuing: another college's paper is "not found", like a missing one.
  "reports.reprintDocument": [H, F, A, F, F, F, U],
  "reports.documents": [H, F, A, F, F, F, U],
  // The dashboard. Saved views are a reader's own (or shared with a role), not a college's: no college side.
  "views.list": [A, A, A, A, A, F, U],
  "views.save": [A, A, A, A, A, F, U],
  "views.remove": [A, A, A, A, A, F, U],
  // Colleges, majors, terms and workflows: no personal data, for every signed-in user.
  "reference.all": [A, A, A, A, A, A, U],
  "insights.exportApplications": [S, S, A, A, A, F, U],
  "insights.exportGraduation": [S, S, A, A, A, F, U],
  "insights.sheetProgress": [S, S, A, A, A, F, U],
  "insights.auditPassRates": [S, S, A, A, A, F, U],
  // A worker's own stages, in her own college: nothing to ask for another.
  "insights.myWork": [A, A, A, A, A, F, U],
  "insights.myInbox": [A, A, A, A, A, F, U],
  "insights.leadTimes": [S, S, A, A, A, F, U],
  "insights.standingByCollege": [S, S, A, A, A, F, U],
  "studentSearch.search": [S, S, A, A, A, F, U],
  // Another college's student is unknown, exactly like a missing 学号.
  "studentSearch.card": [H, H, A, A, A, F, U],
  "studentSearch.liftFreeze": [F, F, F, N, F, F, U],
  // Settings: read by the registrar and the administrator, changed by the registrar leader and the administrator.
  "settings.schemas": [F, F, A, A, F, A, U],
  "settings.overview": [F, F, A, A, F, A, U],
  "settings.versions": [F, F, A, A, F, A, U],
  "settings.check": [F, F, A, A, F, A, U],
  "settings.publish": [F, F, F, A, F, A, U],
  "settings.restore": [F, F, F, A, F, A, U],
  "auditLog.search": [F, F, A, A, F, A, U],
  "auditLog.facets": [F, F, A, A, F, A, U],

  // The organisation and the calendar: read by the registrar and the administrator, kept by the registrar staff and the administrator.
  "organisation.list": [F, F, A, A, F, A, U],
  "organisation.setup": [F, F, A, A, F, A, U],
  "organisation.saveSchool": [F, F, A, F, F, A, U],
  "organisation.createCollege": [F, F, A, F, F, A, U],
  "organisation.updateCollege": [F, F, N, F, F, N, U],
  "organisation.createMajor": [F, F, A, F, F, A, U],
  "organisation.updateMajor": [F, F, N, F, F, N, U],
  "organisation.createClass": [F, F, A, F, F, A, U],
  "organisation.updateClass": [F, F, N, F, F, N, U],
  "organisation.createTerm": [F, F, A, F, F, A, U],
  "organisation.updateTerm": [F, F, N, F, F, N, U],
  "organisation.setRetired": [F, F, N, F, F, N, U],
  "organisation.delete": [F, F, N, F, F, N, U],
  "organisation.import": [F, F, A, F, F, A, U],
  // 导入: registrar staff and administrators; no college side (the record as a whole).
  "imports.list": [F, F, A, F, F, A, U],
  "students.failedCourses": [S, S, A, A, A, F, U],
  "students.photo": [H, H, A, A, A, F, U],
  "students.uploadPhoto": [H, F, A, F, F, F, U],
  // A zip names students by 学号: another college's is reported unknown, so the call itself passes for the secretary.
  "students.importPhotos": [A, F, A, F, F, F, U],
  "imports.get": [F, F, N, F, F, N, U],
  "imports.commit": [F, F, N, F, F, N, U],
};

describe.each(TEST_ENGINES)("every procedure × every role × own/other college on %s", (engine) => {
  let w: World;
  const submissionOf: Record<"own" | "other", string> = { own: "", other: "" };
  const applicationOf: Record<"own" | "other", number> = { own: 0, other: 0 };
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents([
      { studentNo: "2025010001", name: "张三", collegeId: w.collegeA, majorId: w.majorA, grade: 2025 },
      { studentNo: "2025020001", name: "赵六", collegeId: w.collegeB, majorId: w.majorB, grade: 2025 },
    ]);
    const header = ["学号", "姓名", "注册状态"];
    submissionOf.own = (
      await (
        await w.as("secretary-a")
      ).sheets.submit({ clientId: "matrix-own-000", termCode: "2025-2026-1", grid: gridOf([header, ["2025010001", "张三", "已注册"]]) })
    ).submissionId;
    submissionOf.other = (
      await (
        await w.as("secretary-b")
      ).sheets.submit({ clientId: "matrix-other-000", termCode: "2025-2026-1", grid: gridOf([header, ["2025020001", "赵六", "已注册"]]) })
    ).submissionId;
    applicationOf.own = (
      await (await w.as("secretary-a")).applications.file({ studentNo: "2025010001", type: "suspension", reasonCode: "99", materials: [] })
    ).id;
    applicationOf.other = (
      await (await w.as("secretary-b")).applications.file({ studentNo: "2025020001", type: "suspension", reasonCode: "99", materials: [] })
    ).id;
  }, 120_000);
  afterAll(() => w.database.close());

  const { termBands, yearBands, countedCourses, passedMakeUpClears } = SETTING_KINDS["standing-rules"].default();
  const STANDING = { termBands: [...termBands], yearBands: [...yearBands], countedCourses, passedMakeUpClears };
  const SUSPENSION = requiredMaterials(DEFAULT_WORKFLOWS.suspension, "99") as Material[];
  /** A new draft application for the side's student, filed by the registrar. */
  const draft = async (side: "own" | "other") =>
    (
      await (
        await w.as("registrar")
      ).applications.file({
        studentNo: side === "own" ? "2025010001" : "2025020001",
        type: "suspension",
        reasonCode: "99",
        materials: SUSPENSION,
        periodStartsOn: "2026-12-01",
        periodEndsOn: "2027-11-30",
      })
    ).id;
  const college = (side: "own" | "other") => (side === "own" ? w.collegeA : w.collegeB);
  const roster = (side: "own" | "other") =>
    gridOf([["学号", "姓名", "注册状态"], side === "own" ? ["2025010001", "张三", "暂缓注册"] : ["2025020001", "赵六", "暂缓注册"]]);

  const CALLS: Record<string, (c: Caller, side: "own" | "other") => Promise<unknown>> = {
    "sheets.checkRules": (c) => c.sheets.checkRules({ academicYear: "2025-2026" }),
    "sheets.validate": (c, side) => c.sheets.validate({ termCode: "2025-2026-1", collegeId: college(side), grid: roster(side) }),
    "sheets.submit": (c, side) =>
      c.sheets.submit({ clientId: randomUUID(), termCode: "2025-2026-2", collegeId: college(side), grid: roster(side) }),
    "sheets.list": (c, side) => c.sheets.list({ collegeId: college(side) }),
    "sheets.get": (c, side) => c.sheets.get({ submissionId: submissionOf[side] }),
    "sheets.diff": (c, side) => c.sheets.diff({ submissionId: submissionOf[side] }),
    // An unknown submission: a caller allowed to review gets NOT_FOUND, which counts as passing the gate.
    "sheets.review": (c) => c.sheets.review({ submissionId: randomUUID(), decision: "reject", reason: "测试" }),
    "students.list": (c, side) => c.students.list({ collegeId: college(side) }),
    "pending.list": (c, side) => c.pending.list({ collegeId: college(side) }),
    "auditLog.list": (c) => c.auditLog.list({}),
    "auditLog.verify": (c) => c.auditLog.verify(),
    "users.list": (c) => c.users.list(),
    "users.create": (c) =>
      c.users.create({
        username: `u${randomUUID().slice(0, 8)}`,
        displayName: "新用户",
        role: "registrar-staff",
        collegeId: null,
        password: "a long password",
      }),
    // An unknown user: an administrator gets NOT_FOUND, which counts as passing the gate.
    "users.disable": (c) => c.users.disable({ userId: 999_999 }),
    "users.enable": (c) => c.users.enable({ userId: 999_999 }),
    "users.resetPassword": (c) => c.users.resetPassword({ userId: 999_999 }),
    "users.endSessions": (c) => c.users.endSessions({ userId: 999_999 }),
    "auth.me": (c) => c.auth.me(),
    "applications.file": (c, side) =>
      c.applications.file({
        studentNo: side === "own" ? "2025010001" : "2025020001",
        type: "suspension",
        reasonCode: "99",
        materials: ["application-form"],
      }),
    "applications.list": (c, side) => c.applications.list({ collegeId: college(side) }),
    "applications.groupCounts": (c, side) => c.applications.groupCounts({ collegeId: college(side), by: "stage" }),
    // A fresh draft per call, so that every caller finds it at the draft stage (version 1).
    "applications.submit": async (c, side) => c.applications.submit({ applicationId: await draft(side), expectedVersion: 1 }),
    // At the college leader's stage: the registrar passes the gate and the stage check refuses (FORBIDDEN → not hers)…
    // so the call uses an unknown version: passing the gate gives CONFLICT, counted as "ok".
    "applications.decide": (c, side) =>
      c.applications.decide({ applicationId: applicationOf[side], expectedVersion: 999, action: "advance" }),
    "applications.timeline": (c, side) => c.applications.timeline({ applicationId: applicationOf[side] }),
    // An unknown application: passing the gate gives NOT_FOUND per item, never FORBIDDEN.
    "applications.bulkDecide": (c) =>
      c.applications.bulkDecide({ action: "advance", items: [{ applicationId: 999_999, expectedVersion: 1 }] }),
    "applications.studentHistory": (c, side) => c.applications.studentHistory({ studentNo: side === "own" ? "2025010001" : "2025020001" }),
    "pending.lift": (c) => c.pending.lift({ itemId: 999_999, reason: "测试" }),
    "notifications.channels": (c) => c.notifications.channels(),
    // Switched off, so that the other procedures' events queue nothing on it.
    "notifications.saveChannel": (c, side) =>
      c.notifications.saveChannel({
        collegeId: side === "own" ? null : college(side),
        kind: "wecom",
        enabled: false,
        config: {},
        secrets: { webhookUrl: { value: "http://127.0.0.1:9/cgi-bin/webhook/send?key=test" } },
      }),
    "notifications.outbox": (c) => c.notifications.outbox({}),
    "signOnSettings.read": (c) => c.signOnSettings.read(),
    // Everything empty: passwords for everyone, as in a world that never set sign-on.
    "signOnSettings.save": (c) =>
      c.signOnSettings.save({
        stored: {
          casUrl: null,
          casVersion: null,
          casIdAttribute: null,
          oidcIssuer: null,
          oidcClientId: null,
          oidcAuthMethod: null,
          oidcIdClaim: null,
          passwords: null,
          contact: null,
        },
        clientSecret: { keep: true },
      }),
    "notifications.urge": (c) => c.notifications.urge({ applicationId: 999_999 }),
    "applications.fromPending": (c) => c.applications.fromPending({ itemId: 999_999 }),
    "graduation.run": (c, side) => c.graduation.run({ cohort: 2026, collegeId: college(side) }),
    "graduation.summary": (c, side) => c.graduation.summary({ cohort: 2026, collegeId: college(side) }),
    "graduation.freeze": (c, side) => c.graduation.freeze({ collegeId: college(side) }),
    "graduation.override": (c) => c.graduation.override({ auditId: 999_999, outcome: "graduate", degree: "award", reason: "测试" }),
    "graduation.advance": (c, side) => c.graduation.advance({ cohort: 2026, collegeId: college(side), from: "college-review" }),
    "settings.current": (c) => c.settings.current({ kind: "holidays", key: "cn", academicYear: "2026-2027" }),
    "settings.previewStandingRules": (c) => c.settings.previewStandingRules({ academicYear: "2025-2026", value: STANDING }),
    "graduation.list": (c, side) => c.graduation.list({ cohort: 2026, collegeId: college(side) }),
    "insights.pipeline": (c, side) => c.insights.pipeline({ collegeId: college(side) }),
    "insights.warnings": (c) => c.insights.warnings(),
    // Without the school's certificate data the execution is refused on the merits (CONFLICT): past the gate.
    "graduation.execute": (c, side) => c.graduation.execute({ cohort: 2026, collegeId: college(side) }),
    "graduation.convertCompletion": (c) => c.graduation.convertCompletion({ studentNo: "2099999999", reason: "测试" }),
    "graduation.supplementDegree": (c) =>
      c.graduation.supplementDegree({ studentNo: "2099999999", committee: { decidedOn: "2026-11-23", meetingNo: "1" } }),
    "graduation.recordFacts": (c) => c.graduation.recordFacts({ items: [{ studentNo: "2099999999", gpa: 3 }] }),
    "graduation.executionPreview": (c, side) => c.graduation.executionPreview({ cohort: 2026, collegeId: college(side) }),
    "graduation.certificates": (c, side) => c.graduation.certificates({ year: 2026, collegeId: college(side) }),
    "graduation.exportCertificates": (c, side) => c.graduation.exportCertificates({ year: 2026, collegeId: college(side) }),
    "applications.demotionFromPending": (c) => c.applications.demotionFromPending({ itemId: 999_999 }),
    "applications.recordSignOff": (c, side) =>
      c.applications.recordSignOff({ applicationId: applicationOf[side], expectedVersion: 999, signer: "王某", signedOn: "2026-11-23" }),
    "applications.signOffs": (c, side) => c.applications.signOffs({ applicationId: applicationOf[side] }),
    "applications.editDraft": (c, side) =>
      c.applications.editDraft({ applicationId: applicationOf[side], expectedVersion: 999, reasonCode: "99", materials: [] }),
    "applications.withdraw": (c, side) => c.applications.withdraw({ applicationId: applicationOf[side], expectedVersion: 999 }),
    "applications.deleteDraft": (c, side) => c.applications.deleteDraft({ applicationId: applicationOf[side], expectedVersion: 999 }),
    "applications.attachScan": (c, side) =>
      c.applications.attachScan({
        applicationId: applicationOf[side],
        material: "application-form",
        fileName: "申请表.png",
        scan: { type: "image/png", base64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).toString("base64") },
      }),
    "applications.scan": (c) => c.applications.scan({ kind: "material", id: 999_999 }),
    "registration.register": (c, side) =>
      c.registration.register({ academicYear: "2026-2027", studentNos: [side === "own" ? "2025010001" : "2025020001"] }),
    "registration.defer": (c, side) =>
      c.registration.defer({ academicYear: "2026-2027", studentNos: [side === "own" ? "2025010001" : "2025020001"], reason: "欠费" }),
    "registration.registerNewStudents": (c, side) =>
      c.registration.registerNewStudents({ academicYear: "2026-2027", collegeId: college(side) }),
    "registration.list": (c, side) => c.registration.list({ academicYear: "2026-2027", collegeId: college(side) }),
    "registration.deadlines": (c) => c.registration.deadlines({ academicYear: "2025-2026" }),
    "registration.calendar": (c) => c.registration.calendar({ academicYear: "2025-2026" }),
    "registration.summary": (c, side) => c.registration.summary({ academicYear: "2026-2027", collegeId: college(side) }),
    "pending.demotionPreview": (c) => c.pending.demotionPreview({ itemId: 999_999 }),
    "reports.headcount": (c, side) => c.reports.headcount({ date: "2026-11-23", collegeId: college(side) }),
    "reports.headcountXlsx": (c, side) => c.reports.headcountXlsx({ date: "2026-11-23", collegeId: college(side) }),
    "exports.registrationXlsx": (c, side) => c.exports.registrationXlsx({ academicYear: "2025-2026", collegeId: college(side) }),
    "exports.decisionListXlsx": (c, side) => c.exports.decisionListXlsx({ ids: [applicationOf[side]], title: "公示名单" }),
    "files.check": (c) => c.files.check(rosterForm()),
    "files.grid": (c) => c.files.grid(rosterForm()),
    "files.annotate": (c) => c.files.annotate(rosterForm()),
    "files.fix": (c) => c.files.fix(rosterForm([{ row: 2, column: "B", value: "张三" }])),
    "files.newSheet": (c) =>
      c.files.newSheet({ name: "名单", headers: ["学号", "姓名"], textColumns: [0], rows: [], dropdowns: [], spareRows: 0 }),
    "reports.issueDocument": (c, side) =>
      c.reports.issueDocument({ studentNo: side === "own" ? "2025010001" : "2025020001", kind: "enrolment" }),
    "reports.reprintDocument": async (c, side) => {
      const studentNo = side === "own" ? "2025010001" : "2025020001";
      const { documentNo } = await (await w.as("registrar")).reports.issueDocument({ studentNo, kind: "enrolment" });
      return c.reports.reprintDocument({ documentNo });
    },
    "reports.documents": (c, side) => c.reports.documents({ studentNo: side === "own" ? "2025010001" : "2025020001" }),
    "views.list": (c) => c.views.list({ page: "applications" }),
    "views.save": (c) => c.views.save({ page: "applications", name: `视图${randomUUID().slice(0, 8)}`, state: { stage: "draft" } }),
    // The caller's own view: removing it passes; another's would be "not found".
    "views.remove": async (c) =>
      c.views.remove({ id: (await c.views.save({ page: "applications", name: `删${randomUUID().slice(0, 8)}`, state: {} })).id }),
    "reference.all": (c) => c.reference.all(),
    "insights.exportApplications": (c, side) => c.insights.exportApplications({ collegeId: college(side), columns: ["studentNo", "name"] }),
    "insights.exportGraduation": (c, side) => c.insights.exportGraduation({ cohort: 2026, collegeId: college(side) }),
    "insights.sheetProgress": (c, side) => c.insights.sheetProgress({ termCode: "2025-2026-1", collegeId: college(side) }),
    "insights.auditPassRates": (c, side) => c.insights.auditPassRates({ cohort: 2026, collegeId: college(side) }),
    "insights.myWork": (c) => c.insights.myWork({}),
    "insights.myInbox": (c) => c.insights.myInbox(),
    "insights.leadTimes": (c, side) => c.insights.leadTimes({ since: "2025-08-01", collegeId: college(side) }),
    "insights.standingByCollege": (c, side) => c.insights.standingByCollege({ academicYear: "2025-2026", collegeId: college(side) }),
    "studentSearch.search": (c, side) => c.studentSearch.search({ query: "20250", collegeId: college(side) }),
    "studentSearch.card": (c, side) => c.studentSearch.card({ studentNo: side === "own" ? "2025010001" : "2025020001" }),
    "studentSearch.liftFreeze": (c) => c.studentSearch.liftFreeze({ studentNo: "2099999999", reason: "核对" }),
    "settings.schemas": (c) => c.settings.schemas({}),
    "settings.overview": (c) => c.settings.overview({ academicYear: "2025-2026" }),
    "settings.versions": (c) => c.settings.versions({ kind: "holidays", key: "cn" }),
    "settings.check": (c) => c.settings.check({ kind: "holidays", key: "cn", value: CN_HOLIDAYS }),
    "settings.publish": (c) =>
      c.settings.publish({ kind: "holidays", key: "cn", validFrom: "2026-2027", value: CN_HOLIDAYS, reason: "权限测试" }),
    "settings.restore": (c) => c.settings.restore({ kind: "holidays", key: "cn", version: 0, validFrom: "2026-2027", reason: "权限测试" }),
    "auditLog.search": (c) => c.auditLog.search({}),
    "auditLog.facets": (c) => c.auditLog.facets(),
    "organisation.list": (c) => c.organisation.list(),
    "organisation.setup": (c) => c.organisation.setup(),
    "organisation.saveSchool": (c) => c.organisation.saveSchool({ name: "权限测试大学", code: "12345", presidentName: "周明远" }),
    // The world's own college, major and term again: past the gate, refused as a duplicate (CONFLICT).
    "organisation.createCollege": (c) => c.organisation.createCollege({ code: "01", name: "信息工程学院" }),
    "organisation.updateCollege": (c) => c.organisation.updateCollege({ id: 999_999, code: "99", name: "无此学院" }),
    "organisation.createMajor": (c) =>
      c.organisation.createMajor({
        code: "080901",
        name: "计算机科学与技术",
        collegeId: w.collegeA,
        level: "05",
        duration: 4,
        studyForm: "1",
        requiredCredits: 160,
        degreeCategory: "08",
      }),
    "organisation.updateMajor": (c) =>
      c.organisation.updateMajor({
        id: 999_999,
        code: "080901",
        name: "无此专业",
        collegeId: w.collegeA,
        level: "05",
        duration: 4,
        studyForm: "1",
        requiredCredits: 160,
        degreeCategory: null,
      }),
    "organisation.createClass": (c) => c.organisation.createClass({ name: "权限测试班", majorId: w.majorA, grade: 2025 }),
    "organisation.updateClass": (c) => c.organisation.updateClass({ id: 999_999, name: "无此班", majorId: w.majorA, grade: 2025 }),
    "organisation.createTerm": (c) => c.organisation.createTerm({ code: "2026-2027-1", startDate: "2026-09-01", endDate: "2027-01-20" }),
    "organisation.updateTerm": (c) => c.organisation.updateTerm({ code: "2099-2100-1", startDate: "2099-09-01", endDate: "2100-01-20" }),
    "organisation.setRetired": (c) => c.organisation.setRetired({ target: { entity: "college", id: 999_999 }, retired: true }),
    "organisation.delete": (c) => c.organisation.delete({ target: { entity: "college", id: 999_999 } }),
    // The colleges as they are: a confirm that changes nothing.
    "organisation.import": (c) =>
      c.organisation.import({
        fileName: "学院.csv",
        base64: Buffer.from("学院代码,学院名称\n01,信息工程学院\n").toString("base64"),
        dryRun: false,
      }),
    "imports.list": (c) => c.imports.list({}),
    "students.photo": (c, side) => c.students.photo({ studentNo: side === "own" ? "2025010001" : "2025020001" }),
    "students.uploadPhoto": (c, side) =>
      c.students.uploadPhoto({ studentNo: side === "own" ? "2025010001" : "2025020001", fileName: "p.jpg", base64: PHOTO }),
    "students.importPhotos": (c, side) =>
      c.students.importPhotos({
        fileName: "p.zip",
        base64: craftZip([{ name: `${side === "own" ? "2025010001" : "2025020001"}.jpg`, data: Buffer.from(PHOTO, "base64") }]).toString(
          "base64",
        ),
      }),
    "students.failedCourses": (c, side) => c.students.failedCourses({ collegeId: side === "own" ? w.collegeA : w.collegeB }),
    "imports.get": (c) => c.imports.get({ id: 999_999 }),
    "imports.commit": (c) => c.imports.commit({ id: 999_999 }),
  };

  async function outcome(call: () => Promise<unknown>): Promise<Outcome> {
    try {
      await call();
      return "ok";
    } catch (error) {
      if (error instanceof TRPCError && (error.code === "FORBIDDEN" || error.code === "UNAUTHORIZED" || error.code === "NOT_FOUND"))
        return error.code;
      // Past the gate and the scope, refused on the merits (a stale version): the gate let it through.
      if (error instanceof TRPCError && error.code === "CONFLICT") return "ok";
      throw error;
    }
  }

  /** No permission to check: signing in (public) and out (one's own session; calling it here would end the test's sessions). */
  // Changing one's own password would end the test's other sessions; services/auth/change-password.test.ts checks it.
  // The campus sign-on's options and its one-time code are asked before anyone is signed in.
  const PUBLIC = new Set(["auth.signIn", "auth.signOut", "auth.changePassword", "auth.signOnOptions", "auth.redeemSignOn"]);

  it("covers every procedure of the router, so that a new one cannot ship without its row", () => {
    const procedures = Object.keys(appRouter._def.procedures).filter((p) => !PUBLIC.has(p));
    expect(procedures.filter((p) => !(p in MATRIX)).sort()).toEqual([]);
    expect(
      Object.keys(MATRIX)
        .filter((p) => !(p in CALLS))
        .sort(),
    ).toEqual([]);
  });

  it("gives every procedure an output schema, so that a field leaves the server only on purpose", () => {
    // tRPC keeps a procedure's parsers on its `_def`; a procedure without `.output()` has none.
    const outputOf = (proc: unknown) => (proc as { _def: { output?: unknown } })._def.output;
    const procedures = Object.entries(appRouter._def.procedures);
    expect(procedures.filter(([, proc]) => !outputOf(proc)).map(([p]) => p)).toEqual([]);
  });

  it.each(Object.keys(MATRIX))("%s", async (procedure) => {
    const got: string[] = [];
    const want: string[] = [];
    for (const [i, user] of USERS.entries()) {
      const caller = await w.as(user);
      for (const side of ["own", "other"] as const) {
        const call = CALLS[procedure] as (c: Caller, s: "own" | "other") => Promise<unknown>;
        got.push(`${user ?? "anonymous"}/${side}: ${await outcome(() => call(caller, side))}`);
        want.push(`${user ?? "anonymous"}/${side}: ${(MATRIX[procedure] as Array<[Outcome, Outcome]>)[i]?.[side === "own" ? 0 : 1]}`);
      }
    }
    expect(got).toEqual(want);
  });

  it("masks ID numbers for roles that do not need them", async () => {
    const [forLeader] = (await (await w.as("school-leader")).students.list({ collegeId: w.collegeA })).items;
    const [forSecretary] = (await (await w.as("secretary-a")).students.list({})).items;
    expect(forLeader?.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(forSecretary?.idNumber).toMatch(/^\d{17}[\dX]$/);
  });
});
