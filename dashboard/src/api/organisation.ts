import { queryOptions } from "@tanstack/react-query";
import { client, type RouterOutputs } from "./client";
import { apiMutation, apiQuery } from "./query";

export type Organisation = RouterOutputs["organisation"]["list"];
export type SetupStatus = RouterOutputs["organisation"]["setup"];
export type OrgImportReport = RouterOutputs["organisation"]["import"];

export const organisationQuery = () => apiQuery("organisation", "list", undefined);
export const setupQuery = () => queryOptions({ ...apiQuery("organisation", "setup", undefined) });

export const saveSchool = apiMutation("organisation", "saveSchool");
export const createCollege = apiMutation("organisation", "createCollege");
export const updateCollege = apiMutation("organisation", "updateCollege");
export const createMajor = apiMutation("organisation", "createMajor");
export const updateMajor = apiMutation("organisation", "updateMajor");
export const createClass = apiMutation("organisation", "createClass");
export const updateClass = apiMutation("organisation", "updateClass");
export const createTerm = apiMutation("organisation", "createTerm");
export const updateTerm = apiMutation("organisation", "updateTerm");
export const setRetired = apiMutation("organisation", "setRetired");
export const deleteRecord = apiMutation("organisation", "delete");

/** The sheet as base64 (the organisation sheet is small: a few hundred rows), dry run or confirm. */
export async function importOrganisation(file: File, dryRun: boolean): Promise<OrgImportReport> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return client.organisation.import.mutate({ fileName: file.name, base64: btoa(binary), dryRun });
}
