import { client, type RouterInputs, type RouterOutputs } from "./client";
import { apiMutation, apiQuery, PAGE_LIMIT, pagedQuery } from "./query";

export type StudentHit = RouterOutputs["studentSearch"]["search"]["items"][number];
export type StudentCard = RouterOutputs["studentSearch"]["card"];

/** Narrowing filters (a count's students): major, grade, status. */
export type StudentFilters = Pick<RouterInputs["studentSearch"]["search"], "majorId" | "grade" | "status">;

export const studentSearchQuery = (query: string, collegeId: number | undefined, filters: StudentFilters = {}) =>
  pagedQuery(["studentSearch", "search", { query, collegeId, ...filters }], (cursor) =>
    client.studentSearch.search.query({ query, collegeId, ...filters, cursor, limit: PAGE_LIMIT }),
  );

export const studentCardQuery = (studentNo: string) => apiQuery("studentSearch", "card", { studentNo });

/** seed 000 六.1: the registrar leader lifts the graduates' data freeze for one student, with a reason. */
export const liftFreeze = apiMutation("studentSearch", "liftFreeze");
