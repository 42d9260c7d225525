import { useQuery } from "@tanstack/react-query";
import type { Locale } from "@xueji/shared/src/messages/locale";
import type { RouterOutputs } from "./client";
import { apiQuery } from "./query";

export type Reference = RouterOutputs["reference"]["all"];
export type WorkflowRef = Reference["workflows"][number];

/** Colleges, majors, terms and workflows: they change seldom, so they are kept for the session. */
export const referenceQuery = () => ({ ...apiQuery("reference", "all", undefined), staleTime: 30 * 60_000 });

export function useReference() {
  return useQuery(referenceQuery());
}

/** Looks up names for codes the API returns. */
export function labelsOf(reference: Reference | undefined, locale: Locale) {
  const colleges = new Map(reference?.colleges.map((c) => [c.id, c.name]) ?? []);
  const workflows = new Map<string, WorkflowRef>(reference?.workflows.map((w) => [w.type, w]) ?? []);
  return {
    college: (id: number | null | undefined) => (id == null ? "" : (colleges.get(id) ?? String(id))),
    type: (type: string) => workflows.get(type)?.name[locale] ?? type,
    stage: (type: string, stage: string) => stageName(workflows.get(type), stage, locale),
  };
}

const FIXED: Record<string, Record<Locale, string>> = {
  draft: { "zh-CN": "学院草稿", en: "College draft" },
  "public-notice": { "zh-CN": "公示", en: "Public notice" },
  execution: { "zh-CN": "办理", en: "Execution" },
  reported: { "zh-CN": "上报", en: "Reported" },
  effective: { "zh-CN": "生效", en: "Effective" },
  rejected: { "zh-CN": "已驳回", en: "Rejected" },
};

/** The workflow's own stage names, else the fixed stages (the same names as shared/src/workflows/stages.ts). */
export function stageName(workflow: WorkflowRef | undefined, stage: string, locale: Locale): string {
  return workflow?.decidingStages.find((s) => s.key === stage)?.name[locale] ?? FIXED[stage]?.[locale] ?? stage;
}
