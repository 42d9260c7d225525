import { infiniteQueryOptions } from "@tanstack/react-query";
import type { Page } from "./applications";
import { client, type RouterInputs, type RouterOutputs } from "./client";
import { apiMutation, apiQuery } from "./query";

export type Submission = RouterOutputs["sheets"]["list"][number];
export type SheetRow = RouterOutputs["sheets"]["get"]["rows"][number];

export const submissionsQuery = (input: RouterInputs["sheets"]["list"]) => apiQuery("sheets", "list", input);
export const diffQuery = (submissionId: string) => apiQuery("sheets", "diff", { submissionId });
export const reviewSheet = apiMutation("sheets", "review");

/** A submission's rows, paged by row number (the server's keyset); the first page carries the submission. */
export const sheetRowsQuery = (submissionId: string) =>
  infiniteQueryOptions({
    queryKey: ["sheets", "get", { submissionId }, "pages"],
    initialPageParam: 0,
    queryFn: async ({ pageParam }): Promise<Page<SheetRow> & { submission: RouterOutputs["sheets"]["get"]["submission"] }> => {
      const out = await client.sheets.get.query({ submissionId, rowsAfter: pageParam, limit: 500 });
      return {
        submission: out.submission,
        items: out.rows,
        nextCursor: out.rows.length === 500 ? (out.rows.at(-1)?.rowNumber ?? null) : null,
      };
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
