import { client, type RouterInputs, type RouterOutputs } from "./client";
import { apiMutation, apiQuery, PAGE_LIMIT, type Page, pagedQuery } from "./query";

export type Submission = RouterOutputs["sheets"]["list"]["items"][number];
export type SheetRow = RouterOutputs["sheets"]["get"]["rows"]["items"][number];
type SheetSubmission = RouterOutputs["sheets"]["get"]["submission"];
/** A column of the template version a submission was checked with: its field and the sheet's header for it. */
export type SheetColumn = RouterOutputs["sheets"]["get"]["columns"][number];

/** Submissions, newest first, page after page as the reader scrolls. */
export const submissionsQuery = (input: Omit<RouterInputs["sheets"]["list"], "cursor" | "limit">) =>
  pagedQuery(["sheets", "list", input], (cursor) => client.sheets.list.query({ ...input, cursor, limit: PAGE_LIMIT }));
export const diffQuery = (submissionId: string) => apiQuery("sheets", "diff", { submissionId });
export const reviewSheet = apiMutation("sheets", "review");

/** A submission's rows, page after page by the server's cursor; every page carries the submission and its columns too. */
export const sheetRowsQuery = (submissionId: string) =>
  pagedQuery(
    ["sheets", "get", { submissionId }],
    async (cursor): Promise<Page<SheetRow> & { submission: SheetSubmission; columns: SheetColumn[] }> => {
      const out = await client.sheets.get.query({ submissionId, cursor, limit: PAGE_LIMIT });
      return { submission: out.submission, columns: out.columns, ...out.rows };
    },
  );
