import { infiniteQueryOptions } from "@tanstack/react-query";
import { client, type RouterOutputs } from "./client";
import type { Page } from "./query";
import { apiQuery } from "./query";

export type StudentHit = RouterOutputs["studentSearch"]["search"]["items"][number];
export type StudentCard = RouterOutputs["studentSearch"]["card"];

export const studentSearchQuery = (query: string, collegeId: number | undefined) =>
  infiniteQueryOptions({
    queryKey: ["studentSearch", "search", { query, collegeId }, "pages"],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }): Promise<Page<StudentHit, number>> =>
      client.studentSearch.search.query({ query, collegeId, cursor: pageParam, limit: 200 }),
    getNextPageParam: (last: Page<StudentHit, number>) => last.nextCursor ?? undefined,
  });

export const studentCardQuery = (studentNo: string) => apiQuery("studentSearch", "card", { studentNo });
