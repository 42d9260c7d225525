import { CODE_TABLES, entryByCode, FIELD_LABELS, FIELDS, type FieldKey, type Locale } from "@xueji/shared";
import type { TFunction } from "i18next";
import type { Reference } from "../../api/reference";
import { formatDate, formatNumber } from "../../format/intl";

/** A class named by a change (students/classes-named.ts on the server): classes are too many for the reference data. */
export interface NamedClass {
  id: number;
  name: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isFieldKey = (field: string): field is FieldKey => field in FIELD_LABELS;

/**
 * A stored value as the reader reads it, on the screen and on the printed notice: a status code by its
 * name (enrolled → 在读), a major, college or class by its name, a code of a national table by its name
 * (民族 01 → 汉族), a day and a number as the reader writes them; never the code on paper that gets stamped.
 */
export function valueLabelOf(t: TFunction, reference: Reference | undefined, locale: Locale, classes: readonly NamedClass[] = []) {
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return "—";
    if (field === "status" || field === "studentStatus") return t(`studentStatus.${String(value)}`, { defaultValue: String(value) });
    if (field === "majorId") return reference?.majors.find((m) => m.id === Number(value))?.name ?? String(value);
    if (field === "collegeId") return reference?.colleges.find((c) => c.id === Number(value))?.name ?? String(value);
    if (field === "classId") return classes.find((c) => c.id === Number(value))?.name ?? String(value);
    if (field === "gender") return t(`gender.${String(value)}`, { defaultValue: String(value) });
    if (isFieldKey(field)) {
      const parser = FIELDS[field].parser;
      if (parser.kind === "enum") return entryByCode(CODE_TABLES[parser.table], String(value))?.name ?? String(value);
    }
    if (typeof value === "string" && DAY.test(value)) return formatDate(value, locale);
    // No grouping: the record's numbers are years (年级 2024), credits and GPAs, never thousands.
    if (typeof value === "number") return formatNumber(value, locale, { useGrouping: false });
    return String(value);
  };
}

/** A changed field's name: the record's columns (classId 班级) in the dashboard's words, else the sheets' (shared). */
export function fieldLabelOf(t: TFunction, locale: Locale) {
  return (field: string): string => t(`field.${field}`, { defaultValue: isFieldKey(field) ? FIELD_LABELS[field][locale] : field });
}
