import { z } from "zod";
import { pageInput, pageOutput } from "../services/paging";
import { listRegistrations } from "../services/registration/list-registrations";
import { registerNewStudents } from "../services/registration/register-new-students";
import { calendarOfYear, registrationDeadlines } from "../services/registration/registration-deadlines";
import { registrationSummary } from "../services/registration/registration-summary";
import { setRegistration } from "../services/registration/set-registration";
import { collegeFilter, procedureFor, router } from "../trpc";

const academicYear = z.string().regex(/^\d{4}-\d{4}$/);
const localized = z.object({ "zh-CN": z.string(), en: z.string() });
const result = z.object({
  studentNo: z.string(),
  ok: z.boolean(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  late: z.boolean(),
  code: z.string().nullable(),
  message: z.string().nullable(),
});

/** 学年注册 and 新生电子注册 (seed 003 第十–十二条, seed 004), with their deadlines and the year's calendar. */
export const registrationRouter = router({
  /** 注册 or 补注册 (after 暂缓注册) of returning students; per-student results. */
  register: procedureFor("registration.write")
    .input(
      z.object({ academicYear, studentNos: z.array(z.string().min(1).max(30)).min(1).max(2000), reason: z.string().max(200).optional() }),
    )
    .output(z.array(result))
    .mutation(({ ctx, input }) =>
      setRegistration(ctx.db, {
        actor: ctx.viewer,
        scopeCollegeId: ctx.scope.collegeId,
        academicYear: input.academicYear,
        studentNos: input.studentNos,
        to: "registered",
        reason: input.reason,
        today: ctx.today(),
        locale: ctx.locale,
      }),
    ),
  /** 暂缓注册 (欠费 or another unmet condition), with the reason. */
  defer: procedureFor("registration.write")
    .input(
      z.object({
        academicYear,
        studentNos: z.array(z.string().min(1).max(30)).min(1).max(2000),
        reason: z.string().trim().min(1).max(200),
      }),
    )
    .output(z.array(result))
    .mutation(({ ctx, input }) =>
      setRegistration(ctx.db, {
        actor: ctx.viewer,
        scopeCollegeId: ctx.scope.collegeId,
        academicYear: input.academicYear,
        studentNos: input.studentNos,
        to: "deferred",
        reason: input.reason,
        today: ctx.today(),
        locale: ctx.locale,
      }),
    ),
  /** 新生学籍电子注册: 报到 → 在读; who the admission rules hold back, and why. */
  registerNewStudents: procedureFor("registration.register-new")
    .input(z.object({ academicYear, collegeId: z.number().int().optional() }))
    .output(
      z.object({
        registered: z.number(),
        heldBack: z.array(
          z.discriminatedUnion("rule", [
            z.object({ studentNo: z.string(), name: z.string(), rule: z.literal("preparatory-level") }),
            z.object({ studentNo: z.string(), name: z.string(), rule: z.literal("live-status-held"), holder: z.string() }),
            z.object({ studentNo: z.string(), name: z.string(), rule: z.literal("same-id-reported"), others: z.array(z.string()) }),
          ]),
        ),
      }),
    )
    .mutation(({ ctx, input }) =>
      registerNewStudents(ctx.db, {
        actor: ctx.viewer,
        academicYear: input.academicYear,
        collegeId: input.collegeId,
        today: ctx.today(),
      }),
    ),
  list: procedureFor("registration.read")
    .input(
      pageInput.extend({
        academicYear,
        collegeId: z.number().int().optional(),
        status: z.enum(["registered", "deferred", "absent", "unregistered", "suspended", "none"]).optional(),
      }),
    )
    .output(
      pageOutput(
        z.object({
          studentNo: z.string(),
          name: z.string(),
          collegeId: z.number(),
          grade: z.number(),
          status: z.string().nullable(),
          updatedAt: z.string().nullable(),
        }),
      ),
    )
    .query(({ ctx, input }) => listRegistrations(ctx.db, { ...input, collegeId: collegeFilter(ctx.scope, input.collegeId) })),
  deadlines: procedureFor("registration.read")
    .input(z.object({ academicYear }))
    .output(
      z.object({
        academicYear: z.string(),
        termStart: z.string(),
        deadlines: z.array(
          z.object({
            key: z.string(),
            name: localized,
            source: z.string(),
            date: z.string(),
            provisional: z.boolean(),
            workingDaysLeft: z.number(),
            passed: z.boolean(),
          }),
        ),
        warning: z.string().nullable(),
      }),
    )
    .query(({ ctx, input }) => registrationDeadlines(ctx.db, input.academicYear, ctx.today())),
  /** The year's 学年注册 and 新生电子注册 by college (seed 003 第十二条), the caller's college only when it has one. */
  summary: procedureFor("registration.read")
    .input(z.object({ academicYear, collegeId: z.number().int().optional() }))
    .output(
      z.array(
        z.object({
          collegeId: z.number(),
          collegeName: z.string(),
          registered: z.number(),
          deferred: z.number(),
          notYet: z.number(),
          admitted: z.number(),
          reported: z.number(),
          enrolledNew: z.number(),
        }),
      ),
    )
    .query(({ ctx, input }) =>
      registrationSummary(ctx.db, { academicYear: input.academicYear, collegeId: collegeFilter(ctx.scope, input.collegeId) }),
    ),
  /** The registrar's calendar (seed 004 附件二) of a year: every row with its due date, flagged provisional when holidays are missing. */
  calendar: procedureFor("registration.read")
    .input(z.object({ academicYear }))
    .output(
      z.object({
        academicYear: z.string(),
        warning: z.string().nullable(),
        items: z.array(
          z.object({
            key: z.string(),
            name: localized,
            units: z.array(z.string()),
            role: z.string(),
            term: z.number(),
            deadline: localized,
            sheet: z.string().nullable(),
            workflow: z.string().nullable(),
            dueOn: z.string().nullable(),
            provisional: z.boolean(),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => calendarOfYear(ctx.db, input.academicYear)),
});
