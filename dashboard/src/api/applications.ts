import { client, type RouterInputs, type RouterOutputs } from "./client";
import { apiMutation, apiQuery, PAGE_LIMIT, pagedQuery } from "./query";

export type ApplicationRow = RouterOutputs["applications"]["list"]["items"][number];
export type ApplicationListInput = Omit<RouterInputs["applications"]["list"], "cursor" | "limit">;
export type HistoryRow = RouterOutputs["applications"]["studentHistory"]["items"][number];

/** The applications list, page after page by the server's cursor, as the reader scrolls. */
export const applicationsQuery = (filters: ApplicationListInput) =>
  pagedQuery(["applications", "list", filters], (cursor) => client.applications.list.query({ ...filters, cursor, limit: PAGE_LIMIT }));

/** How many applications each group of the filtered list holds (and how many are overdue). */
export const applicationGroupCountsQuery = (input: RouterInputs["applications"]["groupCounts"]) =>
  apiQuery("applications", "groupCounts", input);
export const timelineQuery = (applicationId: number) => apiQuery("applications", "timeline", { applicationId });
/** A student's applications, page after page. */
export const studentHistoryQuery = (studentNo: string) =>
  pagedQuery(["applications", "studentHistory", { studentNo }], (cursor) =>
    client.applications.studentHistory.query({ studentNo, cursor, limit: PAGE_LIMIT }),
  );
export type Timeline = RouterOutputs["applications"]["timeline"];
export const signOffsQuery = (applicationId: number) => apiQuery("applications", "signOffs", { applicationId });
export const decide = apiMutation("applications", "decide");
/** 报送: the college sends its draft on (the secretary's own procedure, not a decision). */
export const submit = apiMutation("applications", "submit");
export const recordSignOff = apiMutation("applications", "recordSignOff");
export const editDraft = apiMutation("applications", "editDraft");
export const withdraw = apiMutation("applications", "withdraw");
export const deleteDraft = apiMutation("applications", "deleteDraft");
export const attachScan = apiMutation("applications", "attachScan");
/** A scan's content, to open in a new tab. */
export const scanContent = (kind: "material" | "sign-off", id: number) => client.applications.scan.query({ kind, id });
export const bulkDecide = apiMutation("applications", "bulkDecide");
export const fileApplication = apiMutation("applications", "file");
export const fromPending = apiMutation("applications", "fromPending");

/** The versions the server holds now (one batched request), for retrying decisions that met a stale one. */
export async function currentVersions(ids: number[]): Promise<Map<number, number>> {
  const timelines = await Promise.all(ids.map((applicationId) => client.applications.timeline.query({ applicationId })));
  return new Map(timelines.map((t) => [t.application.id, t.application.version]));
}
