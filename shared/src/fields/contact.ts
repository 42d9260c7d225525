import type { Cell } from "../cell";
import { type FieldIssue, type FieldResult, fieldIssue } from "../issues";
import { compactText, tidyText } from "../text/normalise";

// 中华人民共和国电信网编号计划 (MIIT numbering plan): mobiles are 11 digits in the 13x–19x ranges;
// landlines are a trunk 0, a 2–3 digit area code (010, 02x, or 0xxx) and a 7–8 digit subscriber
// number that never starts with 0 or 1; an extension may follow.
const MOBILE = /^(?:(?:\+|00)?86)?(1[3-9]\d{9})$/;
const LANDLINE = /^(0(?:10|2\d|[3-9]\d{2}))-?([2-9]\d{6,7})(?:(?:-|转|ext\.?)(\d{1,6}))?$/i;

/** 联系电话: one mobile or landline number, normalised (no spaces, +86 dropped, area code hyphenated). */
export function parsePhone(cell: Cell): FieldResult<string> {
  const raw = typeof cell.value === "number" ? String(cell.value) : String(cell.value ?? "");
  const text = compactText(raw)
    .replace(/[()（）]/g, "-")
    .replace(/^-+|-+$/g, "")
    .replace(/--+/g, "-");
  let value: string | null = null;
  const mobile = MOBILE.exec(text.replace(/-/g, ""));
  if (mobile) value = mobile[1] as string;
  else {
    // From abroad the trunk 0 is dropped (+86 731 8456789): it comes back.
    const national = text.replace(/^(?:\+|00)86-?/, "");
    const landline = LANDLINE.exec(national) ?? (national.startsWith("0") ? null : LANDLINE.exec(`0${national}`));
    if (landline) value = `${landline[1]}-${landline[2]}${landline[3] ? `-${landline[3]}` : ""}`;
  }
  if (!value) return { value: null, issues: [fieldIssue("phone.invalid", { value: tidyText(raw) })] };
  const issues: FieldIssue[] = value !== raw.trim() ? [fieldIssue("phone.normalised", { value }, value)] : [];
  return { value, issues };
}

/** 家庭住址: free text of at most `max` characters; a too-short one (“湖南”) is flagged, not refused. */
export function parseAddress(cell: Cell, max = 100, min = 6): FieldResult<string> {
  const value = tidyText(String(cell.value ?? ""));
  if (value.length > max) return { value: null, issues: [fieldIssue("field.too-long", { label: "address", actual: value.length, max })] };
  return { value, issues: value.length < min ? [fieldIssue("address.too-short", { value })] : [] };
}

/** 年级: the year of entry, “2025” or “2025级” (a number cell holds 2025), between 1950 and next year. */
export function parseGrade(cell: Cell, today: string): FieldResult<number> {
  const text = compactText(typeof cell.value === "number" ? String(cell.value) : String(cell.value ?? ""));
  const m = /^(\d{4})级?$/.exec(text);
  if (!m) return { value: null, issues: [fieldIssue("grade.invalid", { value: text })] };
  const year = Number(m[1]);
  const max = Number(today.slice(0, 4)) + 1;
  if (year < 1950 || year > max) return { value: null, issues: [fieldIssue("grade.out-of-range", { year, min: 1950, max })] };
  return { value: year, issues: [] };
}
