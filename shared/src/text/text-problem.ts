/**
 * Text no field may hold: NUL (PostgreSQL text cannot store it) and lone UTF-16 surrogates (not Unicode;
 * they break JSON and XML on the way out). Here, beside the domain, because the wire's shapes
 * (`@xueji/shared/wire/*`) refuse it in their text as the server's own inputs do.
 */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type TextProblem = "nul-character" | "lone-surrogate";

export function textProblem(value: string): TextProblem | null {
  if (value.includes("\u0000")) return "nul-character";
  if (LONE_SURROGATE.test(value)) return "lone-surrogate";
  return null;
}
