import type { Cell } from "../cell";
import { COURSE_NATURE, EXAM_TYPE } from "../codes/course";
import { DISCIPLINE } from "../codes/discipline";
import { ETHNICITY } from "../codes/ethnicity";
import { GENDER } from "../codes/gender";
import { LEVEL } from "../codes/level";
import { POLITICAL_STATUS } from "../codes/political-status";
import { REGISTRATION_STATUS } from "../codes/registration-status";
import { STUDENT_STATUS } from "../codes/student-status";
import { STUDY_FORM } from "../codes/study-form";
import type { CodeTable } from "../codes/table";
import { type AgeLimits, birthDateIssue, DEFAULT_AGE_LIMITS } from "../fields/age";
import { parseAddress, parseGrade, parsePhone } from "../fields/contact";
import { type DateOptions, parseDate } from "../fields/date";
import { parseEnumeration } from "../fields/enumeration";
import { parseIdNumber } from "../fields/id-number";
import { type IdentifierOptions, parseIdentifier } from "../fields/identifier";
import { parseName } from "../fields/name";
import { parseCredits, parseDuration, parseGpa } from "../fields/number";
import { parseScore } from "../fields/score";
import { parseTerm } from "../fields/term";
import { parseText, parseYesNo } from "../fields/text";
import type { FieldResult } from "../issues";
import type { CodeTableId, FieldKey, ParserSpec } from "./fields";

export const CODE_TABLES: Readonly<Record<CodeTableId, CodeTable>> = {
  gender: GENDER,
  ethnicity: ETHNICITY,
  politicalStatus: POLITICAL_STATUS,
  level: LEVEL,
  studyForm: STUDY_FORM,
  registrationStatus: REGISTRATION_STATUS,
  courseNature: COURSE_NATURE,
  examType: EXAM_TYPE,
  studentStatus: STUDENT_STATUS,
  discipline: DISCIPLINE,
};

export interface ReadContext {
  /** Today's date, `YYYY-MM-DD`: shared code has no clock, so the caller says what day it is. */
  today: string;
  /** The row's 证件类型, for ID columns that may hold passports. */
  documentType?: string | null;
  /** The ages a student can have (a setting; DEFAULT_AGE_LIMITS when absent). */
  ageLimits?: AgeLimits;
}

/** Reads one non-blank cell with the parser its column template names. */
export function readField(cell: Cell, field: FieldKey, spec: ParserSpec, context: ReadContext): FieldResult<unknown> {
  let byField = prepared.get(spec);
  if (!byField) {
    byField = new Map();
    prepared.set(spec, byField);
  }
  let read = byField.get(field);
  if (!read) {
    read = fieldReader(field, spec);
    byField.set(field, read);
  }
  return read(cell, context);
}

// The templates' parser specs are a handful of constant objects: each gets its readers once.
const prepared = new WeakMap<ParserSpec, Map<FieldKey, FieldReader>>();

/** One column's reader: `readField` with the column's options made once, not for each of its cells. */
export type FieldReader = (cell: Cell, context: ReadContext) => FieldResult<unknown>;

export function fieldReader(field: FieldKey, spec: ParserSpec): FieldReader {
  switch (spec.kind) {
    case "idNumber":
      return (cell, context) =>
        parseIdNumber(cell, {
          documentType: context.documentType ?? null,
          today: context.today,
          ageLimits: context.ageLimits ?? DEFAULT_AGE_LIMITS,
        });
    case "date": {
      const fixed: DateOptions | null = spec.max === "today" ? null : dateOptions(spec, "");
      let today = "";
      let untilToday: DateOptions = {};
      return (cell, context) => {
        let options = fixed;
        if (!options) {
          if (context.today !== today) {
            today = context.today;
            untilToday = dateOptions(spec, today);
          }
          options = untilToday;
        }
        const result = parseDate(cell, options);
        // A birth date is also held to the student age limits (the 核对规则 setting).
        if (field === "birthDate" && result.value && result.issues.length === 0) {
          const found = birthDateIssue(result.value, context.today, context.ageLimits ?? DEFAULT_AGE_LIMITS, "column");
          if (found) result.issues.push(found);
        }
        return result;
      };
    }
    case "name":
      return parseName;
    case "identifier": {
      const options: IdentifierOptions = {
        label: field,
        ...(spec.length !== undefined ? { length: spec.length } : {}),
        ...(spec.letterSuffix ? { letterSuffix: true } : {}),
        ...(spec.letters ? { letters: true } : {}),
      };
      return (cell) => parseIdentifier(cell, options);
    }
    case "enum": {
      const table = CODE_TABLES[spec.table];
      return (cell) => parseEnumeration(cell, table, field);
    }
    case "credits":
      return parseCredits;
    case "duration":
      return parseDuration;
    case "score":
      return parseScore;
    case "term":
      return parseTerm;
    case "text": {
      const max = spec.max;
      return (cell) => parseText(cell, field, max);
    }
    case "yesNo":
      return (cell) => parseYesNo(cell, field);
    case "grade":
      return (cell, context) => parseGrade(cell, context.today);
    case "phone":
      return parsePhone;
    case "address": {
      const max = spec.max;
      return (cell) => parseAddress(cell, max);
    }
    case "gpa":
      return parseGpa;
  }
}

function dateOptions(spec: Extract<ParserSpec, { kind: "date" }>, today: string): DateOptions {
  return {
    ...(spec.min ? { min: spec.min } : {}),
    ...(spec.max ? { max: spec.max === "today" ? today : spec.max } : {}),
  };
}
