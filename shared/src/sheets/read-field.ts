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
import { parseDate } from "../fields/date";
import { parseEnumeration } from "../fields/enumeration";
import { parseIdNumber } from "../fields/id-number";
import { parseIdentifier } from "../fields/identifier";
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
  switch (spec.kind) {
    case "idNumber":
      return parseIdNumber(cell, {
        documentType: context.documentType ?? null,
        today: context.today,
        ageLimits: context.ageLimits ?? DEFAULT_AGE_LIMITS,
      });
    case "date": {
      const result = parseDate(cell, {
        ...(spec.min ? { min: spec.min } : {}),
        ...(spec.max ? { max: spec.max === "today" ? context.today : spec.max } : {}),
      });
      // A birth date is also held to the student age limits (the 核对规则 setting).
      if (field === "birthDate" && result.value && result.issues.length === 0) {
        const found = birthDateIssue(result.value, context.today, context.ageLimits ?? DEFAULT_AGE_LIMITS, "column");
        if (found) result.issues.push(found);
      }
      return result;
    }
    case "name":
      return parseName(cell);
    case "identifier":
      return parseIdentifier(cell, {
        label: field,
        ...(spec.length !== undefined ? { length: spec.length } : {}),
        ...(spec.letterSuffix ? { letterSuffix: true } : {}),
        ...(spec.letters ? { letters: true } : {}),
      });
    case "enum":
      return parseEnumeration(cell, CODE_TABLES[spec.table], field);
    case "credits":
      return parseCredits(cell);
    case "duration":
      return parseDuration(cell);
    case "score":
      return parseScore(cell);
    case "term":
      return parseTerm(cell);
    case "text":
      return parseText(cell, field, spec.max);
    case "yesNo":
      return parseYesNo(cell, field);
    case "grade":
      return parseGrade(cell, context.today);
    case "phone":
      return parsePhone(cell);
    case "address":
      return parseAddress(cell, spec.max);
    case "gpa":
      return parseGpa(cell);
  }
}
