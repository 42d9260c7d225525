/**
 * Text no field may hold: NUL (PostgreSQL text cannot store it) and lone UTF-16 surrogates (not Unicode;
 * they break JSON and XML on the way out). Shared by the zod `textInput` of each field and the one sweep of
 * every request's raw input (trpc.ts), so a field declared as a plain string is refused the same way.
 */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type TextProblem = "nul-character" | "lone-surrogate";

export function textProblem(value: string): TextProblem | null {
  if (value.includes("\u0000")) return "nul-character";
  if (LONE_SURROGATE.test(value)) return "lone-surrogate";
  return null;
}

/**
 * The first string anywhere in `value` (keys too) that no field may hold, with where it is. The path is
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
