import type { Locale } from "../messages/locale";
import type { Workflow } from "./application-types";

/**
 * Where an application stands (docs/domain.md §5): 草稿 → the type's deciding stages → [公示] → 办理
 * (execution: the status change and a numbered notice) → 上报 → 生效; or 已驳回.
 * Positions are the stage keys in order; `next` and `previous` walk them.
 */
export const FIXED_STAGES = {
  draft: "draft",
  notice: "public-notice",
  execution: "execution",
  reported: "reported",
  effective: "effective",
  rejected: "rejected",
} as const;

export function stagesOf(workflow: Workflow): string[] {
  return [
    FIXED_STAGES.draft,
    ...workflow.stages.map((s) => s.key),
    ...(workflow.publicNoticeDays > 0 ? [FIXED_STAGES.notice] : []),
    FIXED_STAGES.execution,
    FIXED_STAGES.reported,
    FIXED_STAGES.effective,
  ];
}

export function nextStage(workflow: Workflow, current: string): string | null {
  const all = stagesOf(workflow);
  const i = all.indexOf(current);
  return i >= 0 && i < all.length - 1 ? (all[i + 1] as string) : null;
}

/** Where a return (退回) sends an application: the stage before, never before the draft. */
export function previousStage(workflow: Workflow, current: string): string | null {
  const all = stagesOf(workflow);
  const i = all.indexOf(current);
  return i > 0 ? (all[i - 1] as string) : null;
}

const FIXED_STAGE_NAMES: Readonly<Record<string, Record<Locale, string>>> = {
  [FIXED_STAGES.draft]: { "zh-CN": "学院草稿", en: "College draft" },
  [FIXED_STAGES.notice]: { "zh-CN": "公示", en: "Public notice" },
  [FIXED_STAGES.execution]: { "zh-CN": "办理", en: "Execution" },
  [FIXED_STAGES.reported]: { "zh-CN": "上报", en: "Reported" },
  [FIXED_STAGES.effective]: { "zh-CN": "生效", en: "Effective" },
  [FIXED_STAGES.rejected]: { "zh-CN": "已驳回", en: "Rejected" },
};

/** A stage's name as users read it: the workflow's own deciding stages, or the fixed ones. */
export function stageLabel(workflow: Workflow, stage: string, locale: Locale = "zh-CN"): string {
  return workflow.stages.find((s) => s.key === stage)?.name[locale] ?? FIXED_STAGE_NAMES[stage]?.[locale] ?? stage;
}
