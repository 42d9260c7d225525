import { APPLICATION_TYPES, AppError, MATERIALS, type Material } from "@xueji/shared";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { students } from "../db/schema";
import { applicationTimeline, studentHistory } from "../services/applications/application-timeline";
import { bulkDecide } from "../services/applications/bulk-decide";
import { decideApplication } from "../services/applications/decide-application";
import { fileApplication } from "../services/applications/file-application";
import { listApplications } from "../services/applications/list-applications";
import { openDemotionFromPending } from "../services/applications/open-academic-demotion";
import { openDismissalFromPending } from "../services/applications/open-dismissals";
import { recordSignOff, signOffsOf } from "../services/applications/record-sign-off";
import { recordEvent } from "../services/audit-log/record-event";
import { assertCollege, collegeFilter, procedureFor, router, toTrpcError } from "../trpc";

const takenUp = z.object({ id: z.number(), type: z.string(), stage: z.string(), version: z.number(), dueOn: z.string().nullable() });
const decision = z.object({
  action: z.enum(["submit", "advance", "return", "reject"]),
  opinion: z.string().max(2000).optional(),
  returnTo: z.enum(["previous", "college"]).optional(),
});

export const applicationsRouter = router({
  file: procedureFor("applications.file")
    .input(
      z.object({
        studentNo: z.string().min(1).max(30),
        type: z.enum(APPLICATION_TYPES),
        reasonCode: z.string().min(1).max(20),
        materials: z.array(z.enum(Object.keys(MATERIALS) as [Material, ...Material[]])).max(30),
        changes: z.record(z.string(), z.union([z.string().max(100), z.number()])).optional(),
        note: z.string().max(2000).optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      fileApplication(ctx.db, {
        actor: { userId: ctx.user.id, role: ctx.user.role, requestId: ctx.requestId },
        scopeCollegeId: ctx.scope.collegeId,
        studentNo: input.studentNo,
        type: input.type,
        reasonCode: input.reasonCode,
        materials: input.materials,
        ...(input.changes ? { changes: input.changes } : {}),
        note: input.note ?? null,
        today: ctx.today(),
      }),
    ),
  /** 报送 (the college's secretary) or a decision at the current stage (its deciding role). */
  decide: procedureFor("applications.read")
    .input(decision.extend({ applicationId: z.number().int().positive(), expectedVersion: z.number().int().positive() }))
    .mutation(({ ctx, input }) =>
      decideApplication(ctx.db, {
        actor: { userId: ctx.user.id, role: ctx.user.role, requestId: ctx.requestId, collegeId: ctx.user.collegeId },
        applicationId: input.applicationId,
        expectedVersion: input.expectedVersion,
        action: input.action,
        opinion: input.opinion ?? null,
        ...(input.returnTo ? { returnTo: input.returnTo } : {}),
        today: ctx.today(),
      }),
    ),
  bulkDecide: procedureFor("applications.decide")
    .input(
      decision.extend({
        items: z
          .array(z.object({ applicationId: z.number().int().positive(), expectedVersion: z.number().int().positive() }))
          .min(1)
          .max(500),
      }),
    )
    .mutation(({ ctx, input }) =>
      bulkDecide(
        ctx.db,
        input.items,
        {
          actor: { userId: ctx.user.id, role: ctx.user.role, requestId: ctx.requestId, collegeId: ctx.user.collegeId },
          action: input.action,
          opinion: input.opinion ?? null,
          ...(input.returnTo ? { returnTo: input.returnTo } : {}),
          today: ctx.today(),
        },
        ctx.locale,
      ),
    ),
  /** 退学处理 from a 退学 outcome of the standing rules. */
  fromPending: procedureFor("pending.take-up")
    .input(z.object({ itemId: z.number().int().positive() }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const created = await openDismissalFromPending(tx, { itemId: input.itemId, userId: ctx.user.id, today: ctx.today() });
        await recordEvent(
          tx,
          { userId: ctx.user.id, role: ctx.user.role, requestId: ctx.requestId },
          { action: "application.from-pending", entity: "application", entityId: String(created.id), after: { itemId: input.itemId } },
        );
        return created;
      }),
    ),
  list: procedureFor("applications.read")
    .input(
      z.object({
        collegeId: z.number().int().optional(),
        type: z.enum(APPLICATION_TYPES).optional(),
        stage: z.string().max(30).optional(),
        state: z.enum(["open", "done", "rejected"]).optional(),
        overdue: z.boolean().optional(),
        sort: z.enum(["filed", "due"]).default("filed"),
        direction: z.enum(["asc", "desc"]).default("desc"),
        page: z.number().int().min(1).max(10_000).default(1),
        pageSize: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(({ ctx, input }) =>
      listApplications(ctx.db, { ...input, collegeId: collegeFilter(ctx.scope, input.collegeId), today: ctx.today() }),
    ),
  timeline: procedureFor("applications.read")
    .input(z.object({ applicationId: z.number().int().positive() }))
    .query(async ({ ctx, input }) => {
      const timeline = await applicationTimeline(ctx.db, input.applicationId);
      if (
        ctx.scope.kind === "own-college" &&
        timeline.application.collegeId !== ctx.scope.collegeId &&
        timeline.application.targetCollegeId !== ctx.scope.collegeId
      ) {
        assertCollege(ctx.scope, timeline.application.collegeId);
      }
      return timeline;
    }),
  studentHistory: procedureFor("students.read")
    .input(z.object({ studentNo: z.string().min(1).max(30) }))
    .query(async ({ ctx, input }) => {
      const [student] = await ctx.db
        .select({ id: students.id, collegeId: students.collegeId })
        .from(students)
        .where(eq(students.studentNo, input.studentNo))
        .limit(1);
      if (!student) throw toTrpcError(new AppError("student.unknown", { studentNo: input.studentNo }));
      assertCollege(ctx.scope, student.collegeId);
      return studentHistory(ctx.db, student.id);
    }),
  /** 降级（学业原因） from a 留级 outcome of the standing rules (issue 11). */
  demotionFromPending: procedureFor("pending.take-up")
    .input(z.object({ itemId: z.number().int().positive() }))
    .output(takenUp)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const created = await openDemotionFromPending(tx, { itemId: input.itemId, userId: ctx.user.id, today: ctx.today() });
        await recordEvent(
          tx,
          { userId: ctx.user.id, role: ctx.user.role, requestId: ctx.requestId },
          { action: "application.from-pending", entity: "application", entityId: String(created.id), after: { itemId: input.itemId } },
        );
        return { id: created.id, type: created.type, stage: created.stage, version: created.version, dueOn: created.dueOn };
      }),
    ),
  /** The college secretary records a paper signature of an office without an account; the stage passes. */
  recordSignOff: procedureFor("applications.file")
    .input(
      z.object({
        applicationId: z.number().int().positive(),
        expectedVersion: z.number().int().positive(),
        signer: z.string().trim().min(1).max(60),
        signedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        scan: z.object({ type: z.enum(["image/jpeg", "image/png", "application/pdf"]), base64: z.string().max(3_000_000) }).optional(),
      }),
    )
    .output(z.object({ id: z.number(), stage: z.string(), version: z.number() }))
    .mutation(async ({ ctx, input }) => {
      const updated = await recordSignOff(ctx.db, {
        actor: { userId: ctx.user.id, role: ctx.user.role, requestId: ctx.requestId, collegeId: ctx.user.collegeId },
        ...input,
        today: ctx.today(),
      });
      return { id: updated.id, stage: updated.stage, version: updated.version };
    }),
  signOffs: procedureFor("applications.read")
    .input(z.object({ applicationId: z.number().int().positive() }))
    .output(
      z.array(
        z.object({
          id: z.number(),
          stage: z.string(),
          signer: z.string(),
          signedOn: z.string(),
          scanType: z.string().nullable(),
          recordedBy: z.number(),
          recordedAt: z.string(),
        }),
      ),
    )
    .query(async ({ ctx, input }) => {
      const timeline = await applicationTimeline(ctx.db, input.applicationId);
      if (timeline.application.targetCollegeId !== ctx.scope.collegeId) assertCollege(ctx.scope, timeline.application.collegeId);
      return signOffsOf(ctx.db, input.applicationId);
    }),
});
