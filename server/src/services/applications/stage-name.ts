import { FIXED_STAGES, type Workflow } from "@xueji/shared";

const FIXED_NAMES: Record<string, string> = {
  [FIXED_STAGES.draft]: "学院草稿",
  [FIXED_STAGES.notice]: "公示",
  [FIXED_STAGES.execution]: "办理",
  [FIXED_STAGES.reported]: "上报",
  [FIXED_STAGES.effective]: "生效",
  [FIXED_STAGES.rejected]: "已驳回",
};

/** The Chinese name of a stage, for messages. */
export function stageName(workflow: Workflow, stage: string): string {
  return workflow.stages.find((s) => s.key === stage)?.name["zh-CN"] ?? FIXED_NAMES[stage] ?? stage;
}
