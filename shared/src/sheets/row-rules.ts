import { documentKindOf, isForeignDocument } from "../fields/id-number";
import { type FieldIssue, fieldIssue } from "../issues";
import type { FieldKey } from "./fields";
import type { SheetKind } from "./templates";
import { displayValue, type RowValues } from "./values";

export interface PlacedIssue {
  field: FieldKey;
  issue: FieldIssue;
}

const GENDER_NAMES: Readonly<Record<string, string>> = { "1": "男", "2": "女" };
/** GB 3304-1991's 97 其他: the 民族 entry for a foreign national. */
const FOREIGN_ETHNICITY = "97";

/**
 * Checks between the fields of one row. The ID number carries the birth date and the gender
 * (GB 11643-1999: digits 7–14, and the 17th digit odd for 男), so a sheet that disagrees with
 * its own ID column has a typo in one of them; the ID's version is offered as the suggestion.
 */
export function crossCheckRow(values: RowValues, kind: SheetKind): readonly PlacedIssue[] {
  const found: PlacedIssue[] = [];
  const id = values.idNumber;
  if (id?.birthDate && values.birthDate && values.birthDate !== id.birthDate) {
    found.push({
      field: "birthDate",
      issue: fieldIssue("cross.birth-date", { birthDate: values.birthDate, idBirthDate: id.birthDate }, id.birthDate),
    });
  }
  if (id?.gender && values.gender && (values.gender.code === "1" || values.gender.code === "2") && values.gender.code !== id.gender) {
    const idGender = GENDER_NAMES[id.gender] as string;
    found.push({ field: "gender", issue: fieldIssue("cross.gender", { gender: values.gender.name, idGender }, idGender) });
  }
  // A foreign national (passport, 永久居留身份证): 民族 is the code table's entry for them, 97 其他 — 98 外国血统中国籍人士
  // is for Chinese citizens (GB 3304-1991).
  const document = documentKindOf(values.idType);
  if (isForeignDocument(document) && values.ethnicity && values.ethnicity.code !== FOREIGN_ETHNICITY) {
    found.push({
      field: "ethnicity",
      issue: fieldIssue("cross.ethnicity-foreign", { document: document as string, ethnicity: values.ethnicity.name }, "其他"),
    });
  }
  // A passing regular mark on a failed-course sheet is a row that should not be there.
  if (
    kind === "failed-courses" &&
    values.score?.passed === true &&
    values.examType?.code !== "makeup" &&
    values.examType?.code !== "retake"
  ) {
    found.push({
      field: "score",
      issue: fieldIssue("score.passed", { examType: values.examType?.name ?? "正考", value: values.score.label }),
    });
  }
  if (values.confirmed === false) found.push({ field: "confirmed", issue: fieldIssue("confirmed.no") });
  return found.length ? found : NONE;
}

/** Remembers the unique keys seen so far and reports a row that repeats one. */
export class DuplicateTracker {
  private readonly seen: Array<Map<string, number>>;

  constructor(private readonly keys: ReadonlyArray<readonly FieldKey[]>) {
    this.seen = keys.map(() => new Map());
  }

  see(values: RowValues, row: number): readonly PlacedIssue[] {
    let found: PlacedIssue[] | undefined;
    // A loop, not closures: this runs for every row of every sheet.
    for (let i = 0; i < this.keys.length; i++) {
      const fields = this.keys[i] as readonly FieldKey[];
      const head = displayValue(values[fields[0] as FieldKey]);
      if (!head) continue;
      let key = head;
      for (let f = 1; f < fields.length; f++) key += `\u0001${displayValue(values[fields[f] as FieldKey])}`;
      const seen = this.seen[i] as Map<string, number>;
      const firstRow = seen.get(key);
      if (firstRow === undefined) {
        seen.set(key, row);
        continue;
      }
      const field = fields[0] as FieldKey;
      const value = fields
        .map((f) => displayValue(values[f]))
        .filter(Boolean)
        .join(" ");
      found ??= [];
      found.push({ field, issue: fieldIssue("row.duplicate", { label: field, value, firstRow }) });
    }
    return found ?? NONE;
  }
}

const NONE: PlacedIssue[] = [];
