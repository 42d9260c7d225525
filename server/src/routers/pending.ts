import { and, desc, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import { colleges, pendingItems, students } from "../db/schema";
import { liftPendingItem } from "../services/pending/lift-pending-item";
import { collegeFilter, procedureFor, router } from "../trpc";

export const pendingRouter = router({
  /** 解除: a warning whose credits were cleared. */
  lift: procedureFor("pending.lift")
    .input(z.object({ itemId: z.number().int().positive(), reason: z.string().min(1).max(2000) }))
    .mutation(({ ctx, input }) =>
      liftPendingItem(ctx.db, {
        actor: { userId: ctx.user.id, role: ctx.user.role, requestId: ctx.requestId },
        itemId: input.itemId,
        reason: input.reason,
      }),
    ),
  /** Preliminary opinions (学业警示, 留级, 退学) the rules produced, scoped to the caller's college when it has one. */
  list: procedureFor("pending.read")
    .input(
      z.object({
        academicYear: z
          .string()
          .regex(/^\d{4}-\d{4}$/)
          .optional(),
        kind: z.string().max(20).optional(),
        collegeId: z.number().int().optional(),
      }),
    )
    .query(({ ctx, input }) => {
      const where: SQL[] = [];
      const collegeId = collegeFilter(ctx.scope, input.collegeId);
      if (collegeId !== undefined) where.push(eq(pendingItems.collegeId, collegeId));
      if (input.academicYear) where.push(eq(pendingItems.academicYear, input.academicYear));
      if (input.kind) where.push(eq(pendingItems.kind, input.kind));
      return ctx.db
        .select({
          id: pendingItems.id,
          kind: pendingItems.kind,
          academicYear: pendingItems.academicYear,
          termCode: pendingItems.termCode,
          figures: pendingItems.figures,
          state: pendingItems.state,
          studentNo: students.studentNo,
          name: students.name,
          collegeId: pendingItems.collegeId,
          collegeName: colleges.name,
          createdAt: pendingItems.createdAt,
        })
        .from(pendingItems)
        .innerJoin(students, eq(students.id, pendingItems.studentId))
        .innerJoin(colleges, eq(colleges.id, pendingItems.collegeId))
        .where(where.length ? and(...where) : undefined)
        .orderBy(desc(pendingItems.id))
        .limit(1000);
    }),
});
