import type { RouterInputs, RouterOutputs } from "./client";
import { apiQuery } from "./query";

export type PipelineCell = RouterOutputs["insights"]["pipeline"][number];
export type SheetProgress = RouterOutputs["insights"]["sheetProgress"]["rows"];
export type StandingCount = RouterOutputs["insights"]["standingByCollege"]["rows"][number];
export type LeadTime = RouterOutputs["insights"]["leadTimes"][number];
export type AuditRates = RouterOutputs["insights"]["auditPassRates"];

export const pipelineQuery = (input: RouterInputs["insights"]["pipeline"]) => apiQuery("insights", "pipeline", input);
export const sheetProgressQuery = (input: RouterInputs["insights"]["sheetProgress"]) => apiQuery("insights", "sheetProgress", input);
export const standingByCollegeQuery = (input: RouterInputs["insights"]["standingByCollege"]) =>
  apiQuery("insights", "standingByCollege", input);
export const leadTimesQuery = (input: RouterInputs["insights"]["leadTimes"]) => apiQuery("insights", "leadTimes", input);
export const auditPassRatesQuery = (input: RouterInputs["insights"]["auditPassRates"]) => apiQuery("insights", "auditPassRates", input);
/** The server's warnings: provisional deadline years for everyone, what to fix for those who can. */
export const systemWarningsQuery = () => ({ ...apiQuery("insights", "warnings", undefined), staleTime: 10 * 60_000 });
