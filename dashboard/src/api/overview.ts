import type { RouterInputs, RouterOutputs } from "./client";
import { apiQuery } from "./query";

export type PipelineCell = RouterOutputs["dashboard"]["pipeline"][number];
export type SheetProgress = RouterOutputs["dashboard"]["sheetProgress"];

export const pipelineQuery = (input: RouterInputs["dashboard"]["pipeline"]) => apiQuery("dashboard", "pipeline", input);
export const sheetProgressQuery = (input: RouterInputs["dashboard"]["sheetProgress"]) => apiQuery("dashboard", "sheetProgress", input);
