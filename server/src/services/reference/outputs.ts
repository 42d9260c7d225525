import { materialsSchema } from "@xueji/shared/wire/application-fields";
import { z } from "zod";
import { APPLICATION_TYPES, ROLES } from "../../db/schema/enums";
import { day, localized } from "../wire-values";

/** What these procedures send, field by field (services/wire-values.ts: why named, never whole rows). */

export const referenceOutput = z.object({
  today: day,
  academicYear: z.string(),
  currentTerm: z.string().nullable(),
  // `retired`: kept to label the records that name it, no longer offered for new ones. (Always sent; optional
  // so the many fixtures written before it stay valid.)
  colleges: z.array(z.object({ id: z.number(), code: z.string(), name: z.string(), retired: z.boolean().optional() })),
  majors: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      name: z.string(),
      collegeId: z.number(),
      level: z.string(),
      retired: z.boolean().optional(),
    }),
  ),
  terms: z.array(z.object({ code: z.string(), academicYear: z.string(), startDate: day, endDate: day })),
  workflows: z.array(
    z.object({
      type: z.enum(APPLICATION_TYPES),
      version: z.number(),
      name: localized,
      stages: z.array(z.string()),
      decidingStages: z.array(z.object({ key: z.string(), name: localized, role: z.enum(ROLES) })),
      reasons: z.array(z.object({ code: z.string(), name: localized, materials: materialsSchema })),
      materials: materialsSchema,
      changes: z.array(z.string()),
      deadlineWorkingDays: z.number(),
      /** 起止日期 asked (休学), with its bound if any. */
      period: z.object({ maxDays: z.number().nullable() }).nullable(),
    }),
  ),
});
