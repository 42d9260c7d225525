import { AppError } from "@xueji/shared";
import { z } from "zod";
import { dateInput } from "../inputs/inputs";
import { headcount } from "../services/reports/headcount";
import { headcountExport } from "../services/reports/headcount-export";
import { issueStatusDocument, listStatusDocuments, reprintStatusDocument } from "../services/reports/issue-status-document";
import { verificationBase } from "../services/reports/verification-base";
import type { Viewer } from "../services/viewer";
import { collegeFilter, procedureFor, router, type Scoped, toTrpcError } from "../trpc";

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

/** The papers: 在读证明, 学历证明, and the 证明书 补发毕业证明书 numbers at 办理 (issued only through its application). */
const documentKind = z.enum(["enrolment", "education", "replacement"]);
const issuableKind = z.enum(["enrolment", "education"]);
/** A printed 在读证明/学历证明: its page and its verification code (shown once: only its hash is kept). */
const printedDocument = z.object({
  id: z.number(),
  documentNo: z.string(),
  kind: documentKind,
  issuedOn: z.string(),
  reprintCount: z.number(),
  reprintedOn: z.string().nullable(),
  verifyCode: z.string(),
  verifyPath: z.string(),
  html: z.string(),
});

const headcountInput = z.object({ date: dateInput, collegeId: z.number().int().optional() });

/** The page and its .xlsx count the same students: a date not yet past is refused, a college reader sees hers. */
function headcountOptions(ctx: { today(): string; scope: Scoped }, input: z.infer<typeof headcountInput>) {
  if (input.date > ctx.today()) throw toTrpcError(new AppError("input.invalid", { problem: "future-date" }));
  return { date: input.date, collegeId: collegeFilter(ctx.scope, input.collegeId) };
}

/** 学籍统计 (seed 001 十) and 在读证明/学历证明 (seed 000 二–三). */
export const reportsRouter = router({
  /** Headcount by college × major × grade × status as of a date (end of day, China time). */
  headcount: procedureFor("reports.read")
    .input(headcountInput)
    .output(z.array(headcountRow))
    .query(({ ctx, input }) => headcount(ctx.db, headcountOptions(ctx, input))),
  /**
   * The same as an .xlsx (every cell text), base64, for the dashboard to save: the one way 学籍统计 is
   * downloaded (counts, not personal data, so `reports.read` and no audit event, unlike the record's exports).
   */
  headcountXlsx: procedureFor("reports.read")
    .input(headcountInput)
    .output(z.object({ fileName: z.string(), base64: z.string() }))
    .query(async ({ ctx, input }) => {
      const { file } = await headcountExport(ctx.db, headcountOptions(ctx, input));
      return { fileName: `学籍统计_${input.date}.xlsx`, base64: file.toString("base64") };
    }),
  /** A numbered, printable 在读证明 or 学历证明 with its verification code (shown once: only its hash is kept). */
  issueDocument: procedureFor("documents.issue")
    .input(z.object({ studentNo: z.string().min(1).max(30), kind: issuableKind }))
    .output(printedDocument)
    .mutation(({ ctx, input }) => issueStatusDocument(ctx.db, { ...documentContext(ctx), studentNo: input.studentNo, kind: input.kind })),
  /** 补打: the same certificate again — same number, marked 补打 — under a new code; the old code is retired. */
  reprintDocument: procedureFor("documents.issue")
    .input(z.object({ documentNo: z.string().min(1).max(30) }))
    .output(printedDocument)
    .mutation(({ ctx, input }) => reprintStatusDocument(ctx.db, { ...documentContext(ctx), documentNo: input.documentNo })),
  /** The certificates issued for a student, newest first, with their reprints. */
  documents: procedureFor("documents.issue")
    .input(z.object({ studentNo: z.string().min(1).max(30) }))
    .output(
      z.array(
        z.object({
          id: z.number(),
          documentNo: z.string(),
          kind: documentKind,
          statusShown: z.string(),
          issuedOn: z.string(),
          reprintCount: z.number(),
          reprintedOn: z.string().nullable(),
        }),
      ),
    )
    .query(({ ctx, input }) => listStatusDocuments(ctx.db, { scopeCollegeId: ctx.viewer.scope.collegeId, studentNo: input.studentNo })),
});

/** Who issues, in which college, on which day, and where the paper says it can be checked. */
function documentContext(ctx: { viewer: Viewer; today: () => string; origin?: string }) {
  return {
    actor: ctx.viewer,
    scopeCollegeId: ctx.viewer.scope.collegeId,
    today: ctx.today(),
    publicBase: verificationBase(process.env.XUEJI_PUBLIC_URL, ctx.origin),
  };
}
