import { type ApplicationType, DEFAULT_WORKFLOWS, type Workflow } from "@xueji/shared";

/**
 * The workflow an application follows. Settings will store versions of these; until then the
 * defaults of DOMAIN.md §5 and seed 004, pinned by version so that an application keeps the rules
 * it was filed under.
 */
export function workflowFor(type: ApplicationType, _version?: number): Workflow {
  return DEFAULT_WORKFLOWS[type];
}
