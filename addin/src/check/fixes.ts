import type { CellFix } from "@xueji/shared";

/** A fix the pane will write, with what it changes (the plan is the shared `planFixes`, one for every writer). */
export type Fix = CellFix;
export { planFixes } from "@xueji/shared";
