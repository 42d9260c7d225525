import {
  APPLICATION_TYPES,
  CN_HOLIDAYS,
  DEFAULT_AGE_LIMITS,
  DEFAULT_AUDIT_RULES,
  DEFAULT_REGISTRAR_CALENDAR,
  DEFAULT_REGISTRATION_RULES,
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

/** 毕业/学位资格审查 rules (seed 000 六.5, seed 003 第十五条; docs/domain.md §6), described in Chinese for the generated editor. */
const graduationAuditSchema = z
  .object({
    // One field per level that has a maximum (codes of shared/src/codes/level.ts), so the editor shows each
    // with its name rather than a free-form map.
    maxStudyYears: z
      .object({
        "05": z.number().int().min(1).max(12).meta({ title: "本科（年）" }),
        "06": z.number().int().min(1).max(12).meta({ title: "专科（年）" }),
        "15": z.number().int().min(1).max(12).meta({ title: "专科起点本科（年）" }),
      })
      .meta({ title: "最长学习年限", description: "各层次（层次代码）的最长学习年限，超过只能结业（种子 000 六.5：专科五年、本科六年）" }),
    photo: z
      .object({
        width: z.number().int().min(1).max(5000).meta({ title: "照片宽度（像素）" }),
        height: z.number().int().min(1).max(5000).meta({ title: "照片高度（像素）" }),
        minBytes: z.number().int().min(0).meta({ title: "照片最小字节数" }),
        maxBytes: z.number().int().min(1).meta({ title: "照片最大字节数" }),
      })
      .meta({ title: "毕业生照片", description: "学信网电子照片规格（种子 000 四：480×640，1KB–100KB）" }),
    degree: z
      .object({
        requireNoOutstandingFailures: z.boolean().meta({ title: "授位须无未通过的必修课" }),
        maxYearsAfterLeaving: z
          .number()
          .min(0)
          .max(10)
          .meta({ title: "离校后可补授学位的年数", description: "种子 000 六.5：学位证超过两年不再补授（自离校之日起算）" }),
        conditions: z
          .array(
            z
              .object({
                key: z
                  .string()
                  .regex(/^[a-z0-9-]{1,30}$/)
                  .meta({ title: "条件代码" }),
                name: localized.meta({ title: "条件名称" }),
                fact: z
                  .string()
                  .regex(/^[A-Za-z0-9_.-]{1,40}$/)
                  .meta({
                    title: "读取的数据",
                    description:
                      "学籍库字段（gpa、earnedCredits）或核对表带来的数据项；毕业生核对表带来 gpa（平均学分绩点）和 discipline（处分代码：0 无、1 警告、2 严重警告、3 记过、4 留校察看、6 开除学籍）",
                  }),
                op: z.enum(["min", "max", "equals"]).meta({ title: "比较方式", description: "min 不低于、max 不高于、equals 等于" }),
                value: z.union([z.number(), z.string().max(40), z.boolean()]).meta({ title: "要求的值" }),
              })
              .meta({ title: "学位授予条件" }),
          )
          .max(20)
          .meta({ title: "其他学位条件", description: "如平均学分绩点、四级成绩、无处分等，由学校设定" }),
      })
      .meta({ title: "学位授予", description: "学位审核读取的规则，不再只是跟随毕业结论" }),
    certificate: z
      .object({
        schoolName: z.string().max(60).meta({ title: "学校名称" }),
        schoolCode: z
          .string()
          .regex(/^(\d{5})?$/)
          .meta({ title: "学校代码", description: "5 位国标学校代码，证书编号前 5 位" }),
        presidentName: z.string().max(30).meta({ title: "校（院）长姓名" }),
        schoolType: z.enum(["1", "5", "6", "7"]).meta({ title: "办学类型", description: "1 普通高等教育、5 成人、6 自考、7 网络" }),
      })
      .meta({ title: "学历证书", description: "种子 003 第十五条：学校名称、校（院）长姓名及证书编号" }),
  })
  .meta({
    title: "毕业与学位审核规则",
    description: "毕业资格、学位授予条件和学历证书信息，按学年设定版本（docs/domain.md §6）",
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
      years: z
        .array(z.number().int().min(2000).max(2100))
        .max(100)
        .optional()
        .meta({ title: "已录入的年份", description: "已按国务院办公厅节假日安排通知录入的年份；未录入年份的期限标为“暂定”" }),
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
            signOff: z.boolean().optional().meta({
              title: "线下签字环节",
              description: "无系统账号的部门（班主任、辅导员、学生处、财务处、招生就业处、党委），由学院教学秘书登记签字",
            }),
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
    schema: z
      .object({
        tasks: z
          .array(
            z
              .object({
                key: z.string().min(1).max(40),
                name: localized.meta({ title: "工作内容" }),
                units: z
                  .array(z.enum(["college", "registrar-centre", "registrar", "admissions-office", "exam-centre", "teaching-operations"]))
                  .min(1)
                  .max(6)
                  .meta({ title: "完成单位" }),
                role: z.enum(ROLES).meta({ title: "系统中的责任角色" }),
                owner: z.enum(["college", "registrar", "both"]),
                term: z.union([z.literal(1), z.literal(2)]).meta({ title: "学期", description: "1 秋期（8月–1月），2 春期（2月–7月）" }),
                fromWeek: z.number().int().min(1).max(25).optional().meta({ title: "起始教学周" }),
                toWeek: z.number().int().min(1).max(25).optional().meta({ title: "截止教学周" }),
                month: z.number().int().min(1).max(12).optional().meta({ title: "月份" }),
                beforeMonth: z.boolean().optional().meta({ title: "在该月之前完成", description: "如“10月前”" }),
                onRequest: z.boolean().optional().meta({ title: "无确定时间（随申请办理）" }),
                deadline: localized.meta({ title: "完成期限（原文）" }),
                sheet: z.enum(SHEET_KINDS).optional().meta({ title: "涉及的核对表" }),
                workflow: z.enum(APPLICATION_TYPES).optional().meta({ title: "涉及的学籍异动" }),
              })
              .refine((t) => t.onRequest || t.toWeek !== undefined || t.month !== undefined, {
                message: "需要教学周、月份或“无确定时间”之一",
              }),
          )
          .max(100)
          .meta({ title: "工作安排" }),
      })
      .meta({ title: "学籍管理时间安排表", description: "种子 004 附件二：每项工作的完成单位、时间、期限及涉及的核对表或学籍异动" }),
    default: () => ({ tasks: DEFAULT_REGISTRAR_CALENDAR }),
  },
} as const;

export type SettingKind = keyof typeof SETTING_KINDS;
export const SETTING_KIND_NAMES = Object.keys(SETTING_KINDS) as [SettingKind, ...SettingKind[]];
