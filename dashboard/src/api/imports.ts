import { queryOptions } from "@tanstack/react-query";
import type { ImportKind } from "@xueji/shared";
import { currentLocale } from "../i18n/locale";
import { client, type RouterOutputs } from "./client";
import { apiMutation, pagedQuery } from "./query";

export type ImportReport = RouterOutputs["imports"]["get"]["report"];
export type ImportItem = RouterOutputs["imports"]["list"]["items"][number];

/** The history of imports, newest first, a page at a time with the server's cursor. */
export const importsQuery = () =>
  pagedQuery(["imports", "list"], (cursor) => client.imports.list.query({ limit: 50, ...(cursor ? { cursor } : {}) }));
export const importQuery = (id: number) =>
  queryOptions({ queryKey: ["imports", "get", id], queryFn: () => client.imports.get.query({ id }) });
export const commitImport = apiMutation("imports", "commit");

/** The dry run: the raw file to the server (a JSON API cannot carry it), its report back; refusals are the server's localised text. */
export async function previewImport(kind: ImportKind, file: File, pattern: string | null): Promise<{ id: number; report: ImportReport }> {
  const query = new URLSearchParams({ kind, name: file.name });
  if (pattern) query.set("pattern", pattern);
  const response = await fetch(`/api/imports/preview?${query}`, {
    method: "POST",
    body: file,
    credentials: "same-origin",
    headers: { "accept-language": currentLocale(), "content-type": "application/octet-stream" },
  });
  if (!response.ok) throw new Error(await response.text());
  return response.json();
}
