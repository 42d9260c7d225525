import {
  APPLICATION_TYPES,
  CN_HOLIDAYS,
  DEFAULT_AUDIT_RULES,
  DEFAULT_REGISTRAR_CALENDAR,
  DEFAULT_STANDING_RULES,
  DEFAULT_TEMPLATES,
  DEFAULT_WORKFLOWS,
  FIELD_KEYS,
  MATERIALS,
  ROLES,
  SHEET_KINDS,
} from "@xueji/shared";
import { z } from "zod";

const localized = z.object({ "zh-CN": z.string().min(1).max(100), en: z.string().min(1).max(200) });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** The parsers a template column may name (shared/src/sheets/fields.ts ParserSpec). */
const parser = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("idNumber") }),
  z.object({ kind: z.literal("date"), min: date.optional(), max: z.union([date, z.literal("today")]).optional() }),
  z.object({ kind: z.literal("name") }),
  z.object({
    kind: z.literal("identifier"),
    length: z.number().int().min(1).max(30).optional(),
    letterSuffix: z.boolean().optional(),
    letters: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal("enum"),
    table: z.enum(["gender", "ethnicity", "politicalStatus", "level", "studyForm", "registrationStatus", "courseNature", "examType"]),
  }),
  z.object({ kind: z.literal("credits") }),
  z.object({ kind: z.literal("duration") }),
  z.object({ kind: z.literal("score") }),
  z.object({ kind: z.literal("term") }),
  z.object({ kind: z.literal("text"), max: z.number().int().min(1).max(2000).optional() }),
  z.object({ kind: z.literal("yesNo") }),
]);
const materials = z.array(z.enum(Object.keys(MATERIALS) as [string, ...string[]])).max(30);

/** Each kind of setting: its shape (checked before a version is saved), its keys, and its default value. */
export const SETTING_KINDS = {
  "standing-rules": {
    keys: ["default"],
    schema: z.object({
      termBands: z.array(z.object({ from: z.number().min(0).max(100), outcome: z.enum(["warning-1", "warning-2"]) })).max(5),
      yearBands: z.array(z.object({ from: z.number().min(0).max(200), outcome: z.enum(["repeat", "dismissal"]) })).max(5),
      countedCourses: z.enum(["all", "required"]),
      passedMakeUpClears: z.boolean(),
      // Issue 11: a course failed twice in one academic year counts once (default) or each time.
      repeatFailureInYear: z.enum(["once", "each"]).optional(),
    }),
    default: () => {
      const { termBands, yearBands, countedCourses, passedMakeUpClears, repeatFailureInYear } = DEFAULT_STANDING_RULES;
      return { termBands, yearBands, countedCourses, passedMakeUpClears, repeatFailureInYear };
    },
  },
  holidays: {
    keys: ["cn"],
    schema: z.object({ holidays: z.array(date).max(2000), makeUpWorkdays: z.array(date).max(500) }),
    default: () => CN_HOLIDAYS,
  },
  workflow: {
    keys: [...APPLICATION_TYPES],
    schema: z.object({
      name: localized,
      materials,
      reasons: z
        .array(
          z.object({
            code: z.string().min(1).max(20),
            name: localized,
            materials,
            keywords: z.array(z.string().min(1).max(20)).max(20).optional(),
            fromStandingRules: z.boolean().optional(),
          }),
        )
        .min(1)
        .max(30),
      stages: z
        .array(
          z.object({
            key: z.string().regex(/^[a-z-]{2,30}$/),
            name: localized,
            role: z.enum(ROLES),
            college: z.enum(["student", "target"]).optional(),
          }),
        )
        .min(1)
        .max(8),
      publicNoticeDays: z.number().int().min(0).max(30),
      deadlineWorkingDays: z.number().int().min(0).max(120),
    }),
    default: (key: string) => DEFAULT_WORKFLOWS[key as keyof typeof DEFAULT_WORKFLOWS],
  },
  "sheet-template": {
    keys: [...SHEET_KINDS],
    schema: z.object({
      titleKeywords: z.array(z.string().min(1).max(40)).max(20),
      columns: z
        .array(
          z.object({
            field: z.enum(FIELD_KEYS),
            header: z.string().min(1).max(40),
            synonyms: z.array(z.string().min(1).max(40)).max(30),
            required: z.boolean(),
            parser,
          }),
        )
        .min(1)
        .max(60),
      uniqueKeys: z.array(z.array(z.enum(FIELD_KEYS)).min(1)).max(5),
      allowSubmitWithErrors: z.boolean(),
    }),
    default: (key: string) => DEFAULT_TEMPLATES[key as keyof typeof DEFAULT_TEMPLATES],
  },
  "registrar-calendar": {
    keys: ["default"],
    schema: z.object({
      tasks: z
        .array(
          z.object({
            key: z.string().min(1).max(40),
            name: localized,
            owner: z.enum(["college", "registrar", "both"]),
            term: z.union([z.literal(1), z.literal(2)]),
            fromWeek: z.number().int().min(1).max(25),
            toWeek: z.number().int().min(1).max(25),
            sheet: z.enum(SHEET_KINDS).optional(),
          }),
        )
        .max(100),
    }),
    default: () => ({ tasks: DEFAULT_REGISTRAR_CALENDAR }),
  },
  /** 毕业/学位资格审查 conditions a school sets (photo of the 学信网 standard, degree conditions): DOMAIN.md §6. */
  "graduation-rules": {
    keys: ["default"],
    schema: z.object({
      photo: z.object({
        width: z.number().int().min(100).max(2000),
        height: z.number().int().min(100).max(2000),
        minBytes: z.number().int().min(0).max(10_000_000),
        maxBytes: z.number().int().min(1).max(10_000_000),
      }),
      degree: z.object({ requireNoOutstandingFailures: z.boolean() }),
    }),
    default: () => ({ photo: { ...DEFAULT_AUDIT_RULES.photo }, degree: { ...DEFAULT_AUDIT_RULES.degree } }),
  },
} as const;

export type SettingKind = keyof typeof SETTING_KINDS;
export const SETTING_KIND_NAMES = Object.keys(SETTING_KINDS) as [SettingKind, ...SettingKind[]];
