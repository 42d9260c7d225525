import { z } from "zod";
import { textProblem } from "../text/text-problem";

/**
 * A string of the wire: at most `max` characters, and no NUL or lone surrogate (`textProblem`), refused
 * with the problem's code so the server answers a localised `input.invalid` naming the field.
 */
export function wireText(max: number, min = 0) {
  return z
    .string()
    .min(min)
    .max(max)
    .superRefine((value, ctx) => {
      const problem = textProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem, params: { problem } });
    });
}
