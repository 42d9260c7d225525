import { AppError, type ErrorCode, errorCatalogue, isInputProblem } from "@xueji/shared";
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

/**
 * A refinement that stands for a domain error (a grid wider than Excel allows) names its catalogue
 * code in `params.appError`, so the reader gets that error's own message — the same one the file
 * reader gives — instead of a generic "the request is not valid".
 */
export function appErrorOf(error: ZodError): AppError | null {
  const issue = error.issues[0];
  if (issue?.code !== "custom") return null;
  const { appError, ...params } = (issue.params ?? {}) as Record<string, string | number>;
  if (typeof appError !== "string" || !Object.hasOwn(errorCatalogue, appError)) return null;
  return new AppError(appError as ErrorCode, params);
}
