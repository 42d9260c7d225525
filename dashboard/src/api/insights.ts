import { infiniteQueryOptions } from "@tanstack/react-query";
import { client, type RouterInputs, type RouterOutputs } from "./client";
import type { Page } from "./query";

export type WorkItem = RouterOutputs["insights"]["myWork"]["items"][number];

/** 我的待办, paged by the server's cursor. */
export const myWorkQuery = () =>
  infiniteQueryOptions({
    queryKey: ["insights", "myWork", "pages"],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }): Promise<Page<WorkItem, number>> => client.insights.myWork.query({ cursor: pageParam, limit: 200 }),
    getNextPageParam: (last: Page<WorkItem, number>) => last.nextCursor ?? undefined,
  });

/** The current view as .xlsx: the server writes it (text cells, formulas quoted); the browser saves it. */
export async function downloadApplications(input: RouterInputs["insights"]["exportApplications"]): Promise<number> {
  const out = await client.insights.exportApplications.query(input);
  const bytes = Uint8Array.from(atob(out.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = out.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return out.rows;
}
