import { client, type RouterInputs, type RouterOutputs } from "./client";
import { saveXlsx } from "./insights";
import { apiMutation, apiQuery, PAGE_LIMIT, pagedQuery } from "./query";

export type AuditSummaryRow = RouterOutputs["graduation"]["summary"][number];
export type AuditRow = RouterOutputs["graduation"]["list"]["items"][number];

export const auditSummaryQuery = (input: RouterInputs["graduation"]["summary"]) => apiQuery("graduation", "summary", input);
export type AuditListInput = Omit<RouterInputs["graduation"]["list"], "cursor" | "limit">;
/** A cohort's audit results (a college's, one outcome's), page after page as the reader scrolls. */
export const auditListQuery = (input: AuditListInput) =>
  pagedQuery(["graduation", "list", input], (cursor) => client.graduation.list.query({ ...input, cursor, limit: PAGE_LIMIT }));
export const runCohort = apiMutation("graduation", "run");
export const overrideAudit = apiMutation("graduation", "override");
export const advanceStage = apiMutation("graduation", "advance");

/** A cohort's results as .xlsx, written by the server (text cells). */
export async function downloadGraduation(input: RouterInputs["insights"]["exportGraduation"]): Promise<void> {
  saveXlsx(await client.insights.exportGraduation.query(input));
}
