CREATE TABLE "application_scans" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"material" text NOT NULL,
	"file_name" text NOT NULL,
	"scan" text NOT NULL,
	"scan_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"uploaded_by" integer NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_scans_material" CHECK ("application_scans"."material" in ('application-form', 'student-id-copy', 'parent-id-copy', 'diagnosis', 'enlistment', 'recovery', 'discharge', 'admission-letter', 'death-certificate', 'dismissal-form', 'evidence', 'ranking', 'police-conclusion', 'household-certificate', 'household-book-copy', 'old-id-copy', 'new-id-copy', 'exam-authority-certificate', 'exam-ticket-copy', 'enlistment-keep-admission-form', 'auto-withdrawal-form', 'counsellor-evidence', 'identity-change-form', 'failed-course-sheet', 'review-result', 'discipline-decision', 'evidence-general'))
);
--> statement-breakpoint
ALTER TABLE "application_decisions" DROP CONSTRAINT "application_decisions_action";--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "period_starts_on" date;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "period_ends_on" date;--> statement-breakpoint
ALTER TABLE "application_scans" ADD CONSTRAINT "application_scans_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_scans" ADD CONSTRAINT "application_scans_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_scans_application" ON "application_scans" USING btree ("application_id","id");--> statement-breakpoint
ALTER TABLE "application_decisions" ADD CONSTRAINT "application_decisions_action" CHECK ("application_decisions"."action" in ('submit', 'advance', 'return', 'reject', 'sign-off', 'withdraw'));--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_period" CHECK ("applications"."period_starts_on" is null or "applications"."period_ends_on" is null or "applications"."period_starts_on" <= "applications"."period_ends_on");