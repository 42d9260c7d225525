import { isInputProblem } from "@xueji/shared";
import type { ZodError } from "zod";

/**
 * The parameters of an `input.invalid` error for the first problem zod found: the problem by its
 * code (localised from the catalogue, never zod's English) and where it is.
 */
export function inputProblemOf(error: ZodError, prefix: ReadonlyArray<string | number> = []): Record<string, string | number> {
  const issue = error.issues[0];
  if (!issue) return { problem: "request" };
  const path = [...prefix, ...issue.path].map(String).join(".") || "(root)";
  const own = issue.code === "custom" ? (issue.params as { problem?: unknown } | undefined)?.problem : undefined;
  const problem = isInputProblem(own) ? own : isInputProblem(issue.code) ? issue.code : "request";
  const params: Record<string, string | number> = { problem, path };
  if (issue.code === "invalid_type") params.expected = issue.expected;
  if (issue.code === "too_big") params.maximum = Number(issue.maximum);
  if (issue.code === "too_small") params.minimum = Number(issue.minimum);
  return params;
}
