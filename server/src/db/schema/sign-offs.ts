import { bigserial, date, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { applications } from "./applications";
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
