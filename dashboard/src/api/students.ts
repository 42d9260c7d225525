import { client, type RouterOutputs } from "./client";
import { apiQuery, PAGE_LIMIT, pagedQuery } from "./query";

export type StudentHit = RouterOutputs["studentSearch"]["search"]["items"][number];
export type StudentCard = RouterOutputs["studentSearch"]["card"];

export const studentSearchQuery = (query: string, collegeId: number | undefined) =>
  pagedQuery(["studentSearch", "search", { query, collegeId }], (cursor) =>
    client.studentSearch.search.query({ query, collegeId, cursor, limit: PAGE_LIMIT }),
  );

export const studentCardQuery = (studentNo: string) => apiQuery("studentSearch", "card", { studentNo });
