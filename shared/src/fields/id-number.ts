import type { Cell } from "../cell";
import { type FieldIssue, type FieldResult, fieldIssue } from "../issues";
import { compactText } from "../text/normalise";
import { type AgeLimits, birthDateIssue, DEFAULT_AGE_LIMITS } from "./age";
import { isValidYmd, ymd } from "./calendar-date";

/**
 * 身份证号 per GB 11643-1999 (公民身份号码): 6-digit region, 8-digit birth date, 3-digit
 * sequence (odd = male), MOD 11-2 check character. Also the other documents a Chinese roster
 * carries in the same column: 港澳台居民居住证 (region 810000/820000/830000, same structure),
 * 外国人永久居留身份证 (2023 version: 18 characters starting with 9, same check; 2004 version:
 * 3 letters + 12 digits), legacy 15-digit numbers, and passports of international students.
 */
export type IdKind = "resident" | "legacy-15" | "permit-hkmotw" | "foreign-permanent" | "passport" | "hk-macao-pass" | "taiwan-pass";

/**
 * The documents 学信网 registers a student with (证件类型): 居民身份证 for mainland residents; 港澳居民来往
 * 内地通行证 (回乡证), 台湾居民来往大陆通行证 (台胞证), 港澳台居民居住证 for 港澳台 students; 外国人永久居留身份证 and
 * 护照 for foreign ones. Each has its own number format; only 身份证, 居住证 and 永久居留身份证 encode the birth
 * date and sex.
 */
export type DocumentKind = "resident" | "hk-macao-pass" | "taiwan-pass" | "permit-hkmotw" | "foreign-permanent" | "passport";

/** The document a 证件类型 cell names (its 学信网 name or the everyday one: 回乡证, 台胞证 …); null when it names none. */
export function documentKindOf(text: string | null | undefined): DocumentKind | null {
  const t = compactText(text ?? "");
  if (t === "") return null;
  if (/护照|passport/i.test(t)) return "passport";
  if (/港澳.*通行证|回乡证|来往内地/.test(t)) return "hk-macao-pass";
  if (/台湾.*通行证|台胞证|来往大陆/.test(t)) return "taiwan-pass";
  if (/居住证/.test(t)) return "permit-hkmotw";
  if (/永久居留/.test(t)) return "foreign-permanent";
  if (/身份证/.test(t)) return "resident";
  return null;
}

/** Foreign nationals (a passport or a permanent-residence card): 民族 takes the code table's entry for them. */
export function isForeignDocument(kind: DocumentKind | null): boolean {
  return kind === "passport" || kind === "foreign-permanent";
}

export interface IdNumber {
  id: string;
  kind: IdKind;
  /** From the number itself, for cross-checks against the sheet's 出生日期 / 性别. */
  birthDate?: string;
  /** GB/T 2261.1 code: "1" 男, "2" 女. */
  gender?: "1" | "2";
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432";

/** The MOD 11-2 check character for the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

// GB/T 2260 province-level codes; 71 Taiwan appears in old numbers, 81–83 on residence permits.
const PROVINCES = new Set([
  "11",
  "12",
  "13",
  "14",
  "15",
  "21",
  "22",
  "23",
  "31",
  "32",
  "33",
  "34",
  "35",
  "36",
  "37",
  "41",
  "42",
  "43",
  "44",
  "45",
  "46",
  "50",
  "51",
  "52",
  "53",
  "54",
  "61",
  "62",
  "63",
  "64",
  "65",
  "71",
  "81",
  "82",
  "83",
]);
const PERMIT_REGIONS: Readonly<Record<string, string>> = { "810000": "香港", "820000": "澳门", "830000": "台湾" };

/** Converts a legacy 15-digit number to its 18-digit form (born 19xx, check digit added). */
export function upgradeLegacyId(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + checkCharacter(first17);
}

function derived(birth: string, sequenceDigit: string): Pick<IdNumber, "birthDate" | "gender"> {
  const y = Number(birth.slice(0, 4));
  const m = Number(birth.slice(4, 6));
  const d = Number(birth.slice(6, 8));
  return { birthDate: ymd(y, m, d), gender: Number(sequenceDigit) % 2 === 1 ? "1" : "2" };
}

// Births recorded in ID numbers begin in the 1900s (GB 11643 gives the century explicitly).
const EARLIEST_BIRTH = "1900-01-01";

function birthIssue(digits: string): FieldIssue | null {
  const [y, m, d] = [Number(digits.slice(0, 4)), Number(digits.slice(4, 6)), Number(digits.slice(6, 8))];
  if (!isValidYmd(y, m, d)) return fieldIssue("id.birth-date", { digits });
  // 18991231 is a real date, only an impossible one here: say so rather than “not a date”.
  if (ymd(y, m, d) < EARLIEST_BIRTH) return fieldIssue("id.birth-out-of-range", { date: ymd(y, m, d), min: EARLIEST_BIRTH });
  return null;
}

/** Excel shows a number past 15 digits in scientific notation: 4.30103E+17. */
function excelScientific(n: number): string {
  const [mantissa, exponent] = n.toExponential(5).split("e");
  return `${Number(mantissa)}E+${String(Number(exponent)).padStart(2, "0")}`;
}

const SCIENTIFIC_TEXT = /^\d(\.\d+)?E\+?\d+$/i;

/** A real date that cannot be a student's: in the future (110101203001011236), or an age outside the limits. */
function plausibleBirth(digits: string, issues: FieldIssue[], options: IdParseOptions): void {
  if (!options.today) return;
  const found = birthDateIssue(
    ymd(Number(digits.slice(0, 4)), Number(digits.slice(4, 6)), Number(digits.slice(6, 8))),
    options.today,
    options.ageLimits ?? DEFAULT_AGE_LIMITS,
    "id",
  );
  if (found) issues.push(found);
}

function parse18(id: string, issues: FieldIssue[], options: IdParseOptions): FieldResult<IdNumber> {
  const first17 = id.slice(0, 17);
  const region = id.slice(0, 6);
  const isForeign = id.startsWith("9");
  if (!isForeign && !PROVINCES.has(id.slice(0, 2))) {
    issues.push(fieldIssue("id.region", { province: id.slice(0, 2) }));
  }
  // 外国人永久居留身份证 (2023): 9, then the province code of the issuing office (公安部公告 2023).
  if (isForeign && !PROVINCES.has(id.slice(1, 3))) issues.push(fieldIssue("id.foreign-region", { province: id.slice(1, 3) }));
  const birth = birthIssue(id.slice(6, 14));
  if (birth) issues.push(birth);
  else plausibleBirth(id.slice(6, 14), issues, options);
  const expected = checkCharacter(first17);
  if (expected !== id[17]) issues.push(fieldIssue("id.checksum", { expected, actual: id[17] as string }));

  let kind: IdKind = "resident";
  const permit = PERMIT_REGIONS[region];
  if (permit) {
    kind = "permit-hkmotw";
    issues.push(fieldIssue("id.permit-hkmotw", { region: permit }));
  } else if (isForeign) {
    kind = "foreign-permanent";
    issues.push(fieldIssue("id.foreign-permanent"));
  }
  // With a wrong check character any digit may be the typo, so nothing is derived to cross-check.
  const trusted = !birth && expected === id[17];
  const value: IdNumber = { id, kind, ...(trusted ? derived(id.slice(6, 14), id[16] as string) : {}) };
  return { value, issues };
}

export interface IdParseOptions {
  /** The sheet's 证件类型 for this row, when it has that column: 护照 allows a passport number. */
  documentType?: string | null;
  /** Today, `YYYY-MM-DD`: with it, a birth date in the future or an implausible age is an error. */
  today?: string;
  ageLimits?: AgeLimits;
}

export function parseIdNumber(cell: Cell, options: IdParseOptions = {}): FieldResult<IdNumber> {
  const issues: FieldIssue[] = [];

  if (cell.type === "number" && typeof cell.value === "number") {
    const n = cell.value;
    if (Math.abs(n) >= 1e15) {
      return { value: null, issues: [fieldIssue("id.precision-lost", { shown: excelScientific(n) })] };
    }
    issues.push(fieldIssue("id.stored-as-number"));
    return finish(String(Math.trunc(n)), issues, options);
  }

  const raw = String(cell.value ?? "");
  const id = compactText(raw).toUpperCase();
  if (SCIENTIFIC_TEXT.test(id)) {
    // A CSV saved from Excel, or a cell pasted as text after the damage was done.
    return { value: null, issues: [fieldIssue("id.precision-lost", { shown: id })] };
  }
  if (id !== raw) issues.push(fieldIssue("id.normalised", { value: id }, id));
  return finish(id, issues, options);
}

/** A number read by the format of the document the row names (证件类型). */
function byDocument(document: DocumentKind, id: string, issues: FieldIssue[], options: IdParseOptions): FieldResult<IdNumber> | null {
  // The params carry the document's key: the message names it, and its format, in the reader's language (messages/labels.ts).
  const wrong = (): FieldResult<IdNumber> => {
    issues.push(fieldIssue("id.document-format", { document, value: id, format: document }));
    return { value: null, issues };
  };
  const noBirth = (kind: IdKind): FieldResult<IdNumber> => {
    issues.push(fieldIssue("id.document-no-birth", { document, value: id }));
    return { value: { id, kind }, issues };
  };
  switch (document) {
    case "resident":
      return null;
    // H (香港) or M (澳门) and the card's digits: 8 on the current card, 10 on the older booklet.
    case "hk-macao-pass":
      return /^[HM]\d{8}(\d{2})?$/.test(id) ? noBirth("hk-macao-pass") : wrong();
    // The current 台胞证 (2015 on) carries an 8-digit number for life.
    case "taiwan-pass":
      return /^\d{8}$/.test(id) ? noBirth("taiwan-pass") : wrong();
    // 港澳台居民居住证: a 身份证 number whose region is 810000 香港, 820000 澳门 or 830000 台湾.
    case "permit-hkmotw":
      return /^\d{17}[\dX]$/.test(id) && PERMIT_REGIONS[id.slice(0, 6)] ? parse18(id, issues, options) : wrong();
    // 外国人永久居留身份证: 18 characters from 9 (2023 card), or 3 letters and 12 digits (2004 card).
    case "foreign-permanent":
      if (/^9\d{16}[\dX]$/.test(id)) return parse18(id, issues, options);
      if (/^[A-Z]{3}\d{12}$/.test(id)) return noBirth("foreign-permanent");
      return wrong();
    case "passport":
      return /^[A-Z0-9]{5,17}$/.test(id) && /\d/.test(id) ? noBirth("passport") : wrong();
  }
}

function finish(id: string, issues: FieldIssue[], options: IdParseOptions): FieldResult<IdNumber> {
  const document = documentKindOf(options.documentType);
  if (document) {
    const read = byDocument(document, id, issues, options);
    if (read) return read;
  }
  if (/^\d{17}[\dX]$/.test(id)) return parse18(id, issues, options);

  if (/^\d{15}$/.test(id)) {
    const upgraded = upgradeLegacyId(id);
    const birth = birthIssue(`19${id.slice(6, 12)}`);
    if (birth) issues.push(birth);
    else {
      plausibleBirth(`19${id.slice(6, 12)}`, issues, options);
      issues.push(fieldIssue("id.legacy-15", { value: upgraded }, upgraded));
    }
    const value: IdNumber = { id, kind: "legacy-15", ...(birth ? {} : derived(`19${id.slice(6, 12)}`, id[14] as string)) };
    return { value, issues };
  }

  // 2004-version foreign permanent residence card: ISO country letters + 12 digits.
  if (/^[A-Z]{3}\d{12}$/.test(id)) {
    issues.push(fieldIssue("id.foreign-permanent"));
    return { value: { id, kind: "foreign-permanent" }, issues };
  }

  issues.push(fieldIssue("id.format", { value: id }));
  return { value: null, issues };
}
