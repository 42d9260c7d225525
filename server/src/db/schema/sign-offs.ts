import type { Material } from "@xueji/shared";
import { bigserial, check, date, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { applications } from "./applications";
import { MATERIAL_KEYS, oneOf } from "./enums";
import { users } from "./users";

/**
 * A signature on paper from an office that has no account (班主任, 辅导员, 学生处, 财务处, 招生就业处,
 * 党委 — seed 002's chains), recorded by the college secretary: who signed, on which day, and
 * optionally the scanned page. One per sign-off stage of an application; recording it passes the stage.
 */
export const applicationSignOffs = pgTable(
  "application_sign_offs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id),
    stage: text("stage").notNull(),
    signer: text("signer").notNull(),
    signedOn: date("signed_on", { mode: "string" }).notNull(),
    /** The scanned page, base64, with its type (image/jpeg, image/png, application/pdf). */
    scan: text("scan"),
    scanType: text("scan_type"),
    recordedBy: integer("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("application_sign_offs_application").on(t.applicationId)],
);

/**
 * A scanned page of a material an application carries (申请表, 医院诊断证明 …), uploaded by the college:
 * base64 with its checked type (JPG, PNG or PDF, at most 2 MB — record-sign-off.ts checkScan).
 */
export const applicationScans = pgTable(
  "application_scans",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    material: text("material", { enum: MATERIAL_KEYS }).$type<Material>().notNull(),
    fileName: text("file_name").notNull(),
    scan: text("scan").notNull(),
    scanType: text("scan_type").notNull(),
    bytes: integer("bytes").notNull(),
    uploadedBy: integer("uploaded_by")
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("application_scans_application").on(t.applicationId, t.id),
    check("application_scans_material", oneOf(t.material, MATERIAL_KEYS)),
  ],
);
