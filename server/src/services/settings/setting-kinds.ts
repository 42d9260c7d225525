import {
  APPLICATION_TYPES,
  CN_HOLIDAYS,
  CODE_TABLE_IDS,
  DEFAULT_AGE_LIMITS,
  DEFAULT_AUDIT_RULES,
  DEFAULT_REGISTRAR_CALENDAR,
  DEFAULT_REGISTRATION_RULES,
  DEFAULT_STANDING_RULES,
  DEFAULT_TEMPLATES,
  DEFAULT_WORKFLOWS,
  FIELD_KEYS,
  MATERIALS,
  type ParserSpec,
  ROLES,
  SHEET_KINDS,
} from "@xueji/shared";
import { z } from "zod";

const localized = z.object({ "zh-CN": z.string().min(1).max(100), en: z.string().min(1).max(200) });
// The pattern is what the generated editor reads (JSON Schema); the refinement refuses a day that does not exist
// (2026-02-30), said at the field in the registrar's words.
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const date = z
  .string()
  .regex(DATE_SHAPE)
  // (A value of the wrong shape already has its message from the pattern: one message a field.)
  .refine((value) => !DATE_SHAPE.test(value) || z.iso.date().safeParse(value).success, { params: { setting: "string.date" } });
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
  z.object({ kind: z.literal("enum"), table: z.enum(CODE_TABLE_IDS) }),
  z.object({ kind: z.literal("credits") }),
  z.object({ kind: z.literal("duration") }),
  z.object({ kind: z.literal("score") }),
  z.object({ kind: z.literal("term") }),
  z.object({ kind: z.literal("text"), max: z.number().int().min(1).max(2000).optional() }),
  z.object({ kind: z.literal("yesNo") }),
  z.object({ kind: z.literal("grade") }),
  z.object({ kind: z.literal("phone") }),
  z.object({ kind: z.literal("address"), max: z.number().int().min(1).max(2000).optional() }),
  z.object({ kind: z.literal("gpa") }),
]);
// Every way shared reads a column, and no other: a parser shared gains and this list lacks fails the typecheck here,
// rather than refusing every later version of a template that ships with it (the graduates': 绩点, 学科门类).
const _everyParser: [ParserSpec, z.infer<typeof parser>] extends [z.infer<typeof parser>, ParserSpec] ? true : never = true;
const materials = z.array(z.enum(Object.keys(MATERIALS) as [string, ...string[]])).max(30);

/**
 * 毕业/学位资格审查 rules (seed 000 六.5, seed 003 第十五条; docs/domain.md §6). The editor's titles and
 * descriptions are in shared/src/messages/setting-labels.ts, in both languages.
 */
const graduationAuditSchema = z.object({
  // One field per level that has a maximum (codes of shared/src/codes/level.ts), so the editor shows each
  // with its name rather than a free-form map.
  maxStudyYears: z.object({
    "05": z.number().int().min(1).max(12),
    "06": z.number().int().min(1).max(12),
    "15": z.number().int().min(1).max(12),
  }),
  photo: z.object({
    width: z.number().int().min(1).max(5000),
    height: z.number().int().min(1).max(5000),
    minBytes: z.number().int().min(0),
    maxBytes: z.number().int().min(1),
  }),
  degree: z.object({
    requireNoOutstandingFailures: z.boolean(),
    maxYearsAfterLeaving: z.number().min(0).max(10),
    conditions: z
      .array(
        z.object({
          key: z.string().regex(/^[a-z0-9-]{1,30}$/),
          name: localized,
          fact: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/),
          op: z.enum(["min", "max", "equals"]),
          value: z.union([z.number(), z.string().max(40), z.boolean()]),
        }),
      )
      .max(20),
  }),
  certificate: z.object({
    schoolName: z.string().max(60),
    schoolCode: z.string().regex(/^(\d{5})?$/),
    presidentName: z.string().max(30),
    schoolType: z.enum(["1", "5", "6", "7"]),
  }),
});

/**
 * 核对规则: what the cell-by-cell check of every sheet holds values to (the age limits guard the
 * 出生日期 that seed 003 第十五条 registers). Titles are in shared/src/messages/setting-labels.ts, in both languages.
 */
const checkRulesSchema = z.object({
  ageLimits: z
    .object({ min: z.number().int().min(0).max(100), max: z.number().int().min(1).max(150) })
    // Said at the maximum's field, so the editor marks the number to change.
    .superRefine((limits, ctx) => {
      if (limits.max <= limits.min) ctx.addIssue({ code: "custom", path: ["max"], params: { setting: "range.order", min: limits.min } });
    }),
});

/** 学年注册期限 (seed 003 第十一–十二条): weeks for the students, months for the whole registration, 补注册 included. */
const registrationRulesSchema = z.object({
  studentWeeks: z.number().int().min(1).max(20),
  completeMonths: z.number().int().min(1).max(12),
});

/** Each kind of setting: its shape (checked before a version is saved), its keys, and its default value. */
export const SETTING_KINDS = {
  "standing-rules": {
    keys: ["default"],
    schema: z.object({
      termBands: z.array(z.object({ from: z.number().min(0).max(100), outcome: z.enum(["warning-1", "warning-2"]) })).max(5),
      yearBands: z.array(z.object({ from: z.number().min(0).max(200), outcome: z.enum(["repeat", "dismissal"]) })).max(5),
      countedCourses: z.enum(["all", "required"]),
      passedMakeUpClears: z.boolean(),
      // A course failed twice in one academic year counts once (default) or each time.
      repeatFailureInYear: z.enum(["once", "each"]).optional(),
    }),
    default: () => {
      const { termBands, yearBands, countedCourses, passedMakeUpClears, repeatFailureInYear } = DEFAULT_STANDING_RULES;
      return { termBands, yearBands, countedCourses, passedMakeUpClears, repeatFailureInYear };
    },
  },
  holidays: {
    keys: ["cn"],
    schema: z.object({
      holidays: z.array(date).max(2000),
      makeUpWorkdays: z.array(date).max(500),
      // The years whose State Council notice is entered; a deadline into another year is flagged provisional.
      years: z.array(z.number().int().min(2000).max(2100)).max(100).optional(),
    }),
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
            // An office without an account (班主任, 辅导员, 学生处, 财务处, 招生就业处, 党委): the secretary records its signature.
            signOff: z.boolean().optional(),
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
  "graduation-audit": {
    keys: ["default"],
    schema: graduationAuditSchema,
    default: () => {
      const { version: _version, ...rules } = DEFAULT_AUDIT_RULES;
      return rules;
    },
  },
  "check-rules": {
    keys: ["default"],
    schema: checkRulesSchema,
    default: () => ({ ageLimits: { ...DEFAULT_AGE_LIMITS } }),
  },
  "registration-rules": {
    keys: ["default"],
    schema: registrationRulesSchema,
    default: () => ({ ...DEFAULT_REGISTRATION_RULES }),
  },
  "registrar-calendar": {
    keys: ["default"],
    schema: z.object({
      tasks: z
        .array(
          z
            .object({
              key: z.string().min(1).max(40),
              name: localized,
              units: z
                .array(z.enum(["college", "registrar-centre", "registrar", "admissions-office", "exam-centre", "teaching-operations"]))
                .min(1)
                .max(6),
              role: z.enum(ROLES),
              owner: z.enum(["college", "registrar", "both"]),
              term: z.union([z.literal(1), z.literal(2)]),
              fromWeek: z.number().int().min(1).max(25).optional(),
              toWeek: z.number().int().min(1).max(25).optional(),
              month: z.number().int().min(1).max(12).optional(),
              beforeMonth: z.boolean().optional(),
              onRequest: z.boolean().optional(),
              deadline: localized,
              sheet: z.enum(SHEET_KINDS).optional(),
              workflow: z.enum(APPLICATION_TYPES).optional(),
            })
            .refine((t) => t.onRequest || t.toWeek !== undefined || t.month !== undefined, {
              params: { setting: "calendar.when" },
            }),
        )
        .max(100),
    }),
    default: () => ({ tasks: DEFAULT_REGISTRAR_CALENDAR }),
  },
} as const;

export type SettingKind = keyof typeof SETTING_KINDS;
export const SETTING_KIND_NAMES = Object.keys(SETTING_KINDS) as [SettingKind, ...SettingKind[]];
