import { client, type RouterInputs, type RouterOutputs } from "./client";
import { saveXlsx } from "./insights";
import { apiMutation, apiQuery, fetchAllPages, PAGE_LIMIT, pagedQuery } from "./query";

export type AuditSummaryRow = RouterOutputs["graduation"]["summary"][number];
export type AuditRow = RouterOutputs["graduation"]["list"]["items"][number];

export const auditSummaryQuery = (input: RouterInputs["graduation"]["summary"]) => apiQuery("graduation", "summary", input);
/** The year's graduates' data freeze and its per-student lifts (seed 000 六.1). */
export const graduateFreezeQuery = (input: RouterInputs["graduation"]["freeze"]) => apiQuery("graduation", "freeze", input);
export type AuditListInput = Omit<RouterInputs["graduation"]["list"], "cursor" | "limit">;
/** A cohort's audit results (a college's, one outcome's), page after page as the reader scrolls. */
export const auditListQuery = (input: AuditListInput) =>
  pagedQuery(["graduation", "list", input], (cursor) => client.graduation.list.query({ ...input, cursor, limit: PAGE_LIMIT }));
export type PreviewRow = RouterOutputs["graduation"]["executionPreview"]["items"][number];
export type PreviewPage = RouterOutputs["graduation"]["executionPreview"];
export type CertificateRow = RouterOutputs["graduation"]["certificates"]["items"][number];
export type CertificateFilter = Omit<RouterInputs["graduation"]["certificates"], "cursor" | "limit">;
export type PreviewInput = Omit<RouterInputs["graduation"]["executionPreview"], "cursor" | "limit">;

/** What executing a college's approved list would do, page by page (the totals come with every page). */
export const executionPreviewQuery = (input: PreviewInput) =>
  pagedQuery(["graduation", "executionPreview", input], (cursor) =>
    client.graduation.executionPreview.query({ ...input, cursor, limit: PAGE_LIMIT }),
  );
/** The certificates numbered in a year, by number. */
export const certificatesQuery = (input: CertificateFilter) =>
  pagedQuery(["graduation", "certificates", input], (cursor) =>
    client.graduation.certificates.query({ ...input, cursor, limit: PAGE_LIMIT }),
  );
/** Every certificate of the filter, for printing the whole list. */
export const allCertificates = (input: CertificateFilter) =>
  fetchAllPages((cursor) => client.graduation.certificates.query({ ...input, cursor, limit: PAGE_LIMIT }));
export const executeList = apiMutation("graduation", "execute");
export const convertCompletion = apiMutation("graduation", "convertCompletion");
export const supplementDegree = apiMutation("graduation", "supplementDegree");
export const recordFacts = apiMutation("graduation", "recordFacts");
export const runCohort = apiMutation("graduation", "run");
export const overrideAudit = apiMutation("graduation", "override");
export const advanceStage = apiMutation("graduation", "advance");

/** A cohort's results as .xlsx, written by the server (text cells). */
export async function downloadGraduation(input: RouterInputs["insights"]["exportGraduation"]): Promise<number> {
  const file = await client.insights.exportGraduation.query(input);
  saveXlsx(file);
  return file.rows;
}

/** The certificate list as the server writes it (.xlsx, text cells: 18-digit numbers stay whole). */
export async function downloadCertificates(input: CertificateFilter): Promise<number> {
  const file = await client.graduation.exportCertificates.query(input);
  saveXlsx(file);
  return file.rows;
}
