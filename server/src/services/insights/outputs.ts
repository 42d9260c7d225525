import { z } from "zod";
import { APPLICATION_TYPES, PENDING_KINDS, PENDING_STATES } from "../../db/schema/enums";
import { graduationSummaryOutput } from "../graduation/outputs";
import { pageOutput } from "../paging";
import { termSheetProgressOutput } from "../sheets/outputs";
import { day, when } from "../wire-values";

export { xlsxFileOutput as xlsxExportOutput } from "../wire-values";
export { termSheetProgressOutput };

/** What these procedures send, field by field (services/wire-values.ts: why named, never whole rows). */

export const auditPassRatesOutput = z.object({ cohort: z.number(), rows: graduationSummaryOutput });

export const myWorkOutput = pageOutput(
  z.object({
    id: z.number(),
    type: z.enum(APPLICATION_TYPES),
    stage: z.string(),
    version: z.number(),
    studentNo: z.string(),
    name: z.string(),
    collegeId: z.number(),
    collegeName: z.string(),
    filedAt: when,
    dueOn: day.nullable(),
    /** When it was carried out (办理), null before: at 上报 its 办理期限 is met, and no deadline runs unless 学籍注销's. */
    executedOn: day.nullable(),
    /** The deadline it runs against now (shared currentDeadline), null when none. */
    deadline: z.object({ kind: z.enum(["decision", "deregistration"]), date: day }).nullable(),
    workingDaysLeft: z.number().nullable(),
  }),
);

export const leadTimesOutput = z.array(z.object({ stage: z.string(), decisions: z.number(), medianWorkingDays: z.number() }));

export const standingByCollegeOutput = z.object({
  academicYear: z.string(),
  rows: z.array(
    z.object({
      collegeId: z.number(),
      collegeName: z.string(),
      kind: z.enum(PENDING_KINDS),
      state: z.enum(PENDING_STATES),
      count: z.number(),
    }),
  ),
});
