import { SETUP_ITEMS } from "@xueji/shared";
import { z } from "zod";

/** An organisation sheet is a few hundred rows: 8 MB of base64 (6 MB of file) is far beyond any real one. */
export const MAX_UPLOAD_BASE64 = 8 * 1024 * 1024;

const localized = z.object({ "zh-CN": z.string(), en: z.string() });

export const organisationOutput = z.object({
  school: z.object({ name: z.string(), code: z.string(), presidentName: z.string() }).nullable(),
  colleges: z.array(z.object({ id: z.number(), code: z.string(), name: z.string(), retired: z.boolean() })),
  majors: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      name: z.string(),
      collegeId: z.number(),
      level: z.string(),
      duration: z.number(),
      studyForm: z.string(),
      requiredCredits: z.number(),
      degreeCategory: z.string().nullable(),
      retired: z.boolean(),
    }),
  ),
  classes: z.array(z.object({ id: z.number(), name: z.string(), majorId: z.number(), grade: z.number(), retired: z.boolean() })),
  terms: z.array(
    z.object({ code: z.string(), academicYear: z.string(), startDate: z.string(), endDate: z.string(), retired: z.boolean() }),
  ),
});

export const setupStatusOutput = z.object({
  academicYear: z.string(),
  complete: z.boolean(),
  items: z.array(z.object({ item: z.enum(SETUP_ITEMS), done: z.boolean(), message: localized })),
});

const cellValue = z.union([z.string(), z.number(), z.null()]);

export const orgImportReportOutput = z.object({
  dryRun: z.boolean(),
  applied: z.boolean(),
  sheets: z.array(z.object({ sheet: z.string(), entity: z.enum(["college", "major", "class", "term"]).nullable(), rows: z.number() })),
  changes: z.array(
    z.object({
      entity: z.enum(["college", "major", "class", "term"]),
      sheet: z.string(),
      row: z.number(),
      key: z.string(),
      name: z.string(),
      action: z.enum(["create", "update", "unchanged"]),
      fields: z.array(z.object({ field: z.string(), before: cellValue, after: cellValue })),
    }),
  ),
  problems: z.array(
    z.object({
      sheet: z.string(),
      row: z.number(),
      column: z.string().nullable(),
      field: z.string().nullable(),
      code: z.string(),
      message: localized,
    }),
  ),
  counts: z.object({ create: z.number(), update: z.number(), unchanged: z.number(), problems: z.number() }),
});
