import type { Cell } from "../cell";
import { type FieldIssue, type FieldResult, fieldIssue } from "../issues";
import { removeInvisible, toHalfWidth } from "../text/normalise";

/**
 * 姓名. Minority names are written with the middle dot 间隔号 U+00B7 (阿依古丽·买买提); people
 * type it as a full stop, a katakana dot, a bullet or a hyphen-like dot. Spaces inside a
 * Chinese name are padding that secretaries add to line up two-character names (张  三).
 */
const DOT_VARIANTS = /\s*[.．・･•‧∙⋅●·]\s*/g;
const CJK = "\\u3400-\\u9FFF\\uF900-\\uFAFF";
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, "g");

export function parseName(cell: Cell): FieldResult<string> {
  const raw = String(cell.value ?? "");
  const issues: FieldIssue[] = [];
  // Letters and digits fold to half-width; CJK stays as typed.
  const name = removeInvisible(toHalfWidth(raw)).replace(/\s+/g, " ").trim().replace(SPACE_BETWEEN_CJK, "").replace(DOT_VARIANTS, "·");
  if (name !== raw) issues.push(fieldIssue("name.normalised", { value: name }, name));
  if (/\d/.test(name)) issues.push(fieldIssue("name.has-digits", { value: name }));
  return { value: name, issues };
}
