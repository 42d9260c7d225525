import { type TextProblem, textProblem } from "@xueji/shared";

/**
 * The first string anywhere in `value` (keys too) that no field may hold (shared `textProblem`: NUL, lone
 * surrogates), with where it is: the one sweep of every request's raw input (trpc.ts), so a field declared
 * as a plain string is refused as the zod text of each field is. The path is
 * built only on the way back from a find: a 100,000-row grid is walked without an allocation per cell.
 */
export function findHostileText(value: unknown): { path: string; problem: TextProblem } | null {
  const found = walk(value);
  return found ? { path: found.segments.reverse().join(".") || "(root)", problem: found.problem } : null;
}

function walk(value: unknown): { segments: string[]; problem: TextProblem } | null {
  if (typeof value === "string") {
    const problem = textProblem(value);
    return problem ? { segments: [], problem } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = walk(value[i]);
      if (found) {
        found.segments.push(String(i));
        return found;
      }
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const key in value) {
      const keyProblem = textProblem(key);
      if (keyProblem) return { segments: ["(key)"], problem: keyProblem };
      const found = walk((value as Record<string, unknown>)[key]);
      if (found) {
        found.segments.push(key);
        return found;
      }
    }
  }
  return null;
}
