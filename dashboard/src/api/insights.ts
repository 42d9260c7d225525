import { client, type RouterInputs, type RouterOutputs } from "./client";
import { apiQuery, PAGE_LIMIT, pagedQuery } from "./query";

export type WorkItem = RouterOutputs["insights"]["myWork"]["items"][number];

/** 我的待办, paged by the server's cursor. */
export const myWorkQuery = () =>
  pagedQuery(["insights", "myWork"], (cursor) => client.insights.myWork.query({ cursor, limit: PAGE_LIMIT }));

/** The current view as .xlsx: the server writes it (text cells, formulas quoted); the browser saves it. */
export async function downloadApplications(input: RouterInputs["insights"]["exportApplications"]): Promise<number> {
  const out = await client.insights.exportApplications.query(input);
  saveXlsx(out);
  return out.rows;
}

/** Saves an .xlsx the server wrote (base64 in JSON, like every answer) under the server's file name. */
export function saveXlsx(file: { base64: string; fileName: string }): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export type InboxItem = RouterOutputs["insights"]["myInbox"]["items"][number];
/** 我的待办 beyond applications: sheets and 学业预警 waiting for the signed-in role (small; answered whole). */
export const myInboxQuery = () => apiQuery("insights", "myInbox", undefined);
