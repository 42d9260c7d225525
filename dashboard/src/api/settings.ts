import type { RouterInputs, RouterOutputs } from "./client";
import { apiMutation, apiQuery } from "./query";

export type SettingKindSchema = RouterOutputs["settings"]["schemas"][number];
export type SettingOverview = RouterOutputs["settings"]["overview"][number];
export type SettingVersionRow = RouterOutputs["settings"]["versions"][number];
export type SettingKindName = RouterInputs["settings"]["versions"]["kind"];
export type StandingPreview = RouterOutputs["settings"]["previewStandingRules"];

export const schemasQuery = (locale: "zh-CN" | "en") => ({ ...apiQuery("settings", "schemas", { locale }), staleTime: 30 * 60_000 });
export const overviewQuery = (academicYear: string) => apiQuery("settings", "overview", { academicYear });
export const versionsQuery = (kind: SettingKindName, key: string) => apiQuery("settings", "versions", { kind, key });
export const currentQuery = (kind: SettingKindName, key: string, academicYear: string) =>
  apiQuery("settings", "current", { kind, key, academicYear });
export const previewStandingQuery = (input: RouterInputs["settings"]["previewStandingRules"]) =>
  apiQuery("settings", "previewStandingRules", input);
export const checkSetting = apiMutation("settings", "check");
export const publishSetting = apiMutation("settings", "publish");
export const restoreSetting = apiMutation("settings", "restore");
