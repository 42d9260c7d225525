import { AppError } from "@xueji/shared";
import { z } from "zod";
import { headcount } from "../services/reports/headcount";
import { headcountExport } from "../services/reports/headcount-export";
import { issueStatusDocument } from "../services/reports/issue-status-document";
import { collegeFilter, procedureFor, router, toTrpcError } from "../trpc";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const headcountRow = z.object({
  collegeId: z.number(),
  collegeName: z.string(),
  majorId: z.number(),
  majorCode: z.string(),
  majorName: z.string(),
  level: z.string(),
  grade: z.number(),
  status: z.string(),
  statusName: z.string(),
  count: z.number(),
});

/** 学籍统计 (seed 001 十) and 在读证明/学历证明 (seed 000 二–三). */
export const reportsRouter = router({
  /** Headcount by college × major × grade × status as of a date (end of day, China time). */
  headcount: procedureFor("reports.read")
    .input(z.object({ date, collegeId: z.number().int().optional() }))
    .output(z.array(headcountRow))
    .query(({ ctx, input }) => {
      if (input.date > ctx.today()) throw toTrpcError(new AppError("input.invalid", { problem: "future-date" }));
      return headcount(ctx.db, { date: input.date, collegeId: collegeFilter(ctx.scope, input.collegeId) });
    }),
  /** The same as an .xlsx (every cell text), base64, for the dashboard to save. */
  headcountXlsx: procedureFor("reports.read")
    .input(z.object({ date, collegeId: z.number().int().optional() }))
    .output(z.object({ fileName: z.string(), base64: z.string() }))
    .query(async ({ ctx, input }) => {
      const { file } = await headcountExport(ctx.db, { date: input.date, collegeId: collegeFilter(ctx.scope, input.collegeId) });
      return { fileName: `学籍统计_${input.date}.xlsx`, base64: file.toString("base64") };
    }),
  /** A numbered, printable 在读证明 or 学历证明 with its verification code (shown once: only its hash is kept). */
  issueDocument: procedureFor("documents.issue")
    .input(z.object({ studentNo: z.string().min(1).max(30), kind: z.enum(["enrolment", "education"]) }))
    .output(
      z.object({
        id: z.number(),
        documentNo: z.string(),
        kind: z.enum(["enrolment", "education"]),
        issuedOn: z.string(),
        verifyCode: z.string(),
        verifyPath: z.string(),
        html: z.string(),
      }),
    )
    .mutation(({ ctx, input }) =>
      issueStatusDocument(ctx.db, {
        actor: { userId: ctx.user.id, role: ctx.user.role, requestId: ctx.requestId },
        scopeCollegeId: ctx.scope.collegeId,
        studentNo: input.studentNo,
        kind: input.kind,
        today: ctx.today(),
        // Where the public verification page lives, as printed on the paper.
        publicBase: process.env.XUEJI_PUBLIC_URL ?? "",
      }),
    ),
});
