CREATE TABLE "degree_committee_decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"cohort" integer,
	"college_id" integer,
	"student_id" integer,
	"decided_on" date NOT NULL,
	"meeting_no" text NOT NULL,
	"recorded_by" integer NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applications" DROP CONSTRAINT "applications_type";--> statement-breakpoint
ALTER TABLE "applications" DROP CONSTRAINT "applications_materials";--> statement-breakpoint
ALTER TABLE "application_scans" DROP CONSTRAINT "application_scans_material";--> statement-breakpoint
ALTER TABLE "graduation_certificates" ADD COLUMN "degree_awarded_on" date;--> statement-breakpoint
ALTER TABLE "graduation_certificates" ADD COLUMN "degree_committee_id" integer;--> statement-breakpoint
ALTER TABLE "graduation_certificates" ADD COLUMN "replaced_by" integer;--> statement-breakpoint
ALTER TABLE "graduation_certificates" ADD COLUMN "voided_on" date;--> statement-breakpoint
ALTER TABLE "degree_committee_decisions" ADD CONSTRAINT "degree_committee_decisions_college_id_colleges_id_fk" FOREIGN KEY ("college_id") REFERENCES "public"."colleges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "degree_committee_decisions" ADD CONSTRAINT "degree_committee_decisions_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "degree_committee_decisions" ADD CONSTRAINT "degree_committee_decisions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "degree_committee_decisions_cohort" ON "degree_committee_decisions" USING btree ("cohort","college_id");--> statement-breakpoint
ALTER TABLE "graduation_certificates" ADD CONSTRAINT "graduation_certificates_degree_committee_id_degree_committee_decisions_id_fk" FOREIGN KEY ("degree_committee_id") REFERENCES "public"."degree_committee_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduation_certificates" ADD CONSTRAINT "graduation_certificates_replaced_by_graduation_certificates_id_fk" FOREIGN KEY ("replaced_by") REFERENCES "public"."graduation_certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_type" CHECK ("applications"."type" in ('suspension', 'resumption', 'demotion', 'keep-admission', 'give-up-admission', 'withdrawal', 'dismissal', 'change-major', 'deregistration', 'identity-change', 'academic-demotion', 'cancel-admission', 'expulsion', 'status-cancellation', 'completion-to-graduation', 'record-correction'));--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_materials" CHECK (jsonb_typeof("applications"."materials") = 'array' and "applications"."materials" <@ '["application-form","student-id-copy","parent-id-copy","diagnosis","enlistment","recovery","discharge","admission-letter","death-certificate","dismissal-form","evidence","ranking","police-conclusion","household-certificate","household-book-copy","old-id-copy","new-id-copy","exam-authority-certificate","exam-ticket-copy","enlistment-keep-admission-form","auto-withdrawal-form","counsellor-evidence","identity-change-form","failed-course-sheet","review-result","discipline-decision","evidence-general","makeup-results","correction-form","diploma-copy","admission-summary","household-book-before","id-copy-before"]'::jsonb);--> statement-breakpoint
ALTER TABLE "application_scans" ADD CONSTRAINT "application_scans_material" CHECK ("application_scans"."material" in ('application-form', 'student-id-copy', 'parent-id-copy', 'diagnosis', 'enlistment', 'recovery', 'discharge', 'admission-letter', 'death-certificate', 'dismissal-form', 'evidence', 'ranking', 'police-conclusion', 'household-certificate', 'household-book-copy', 'old-id-copy', 'new-id-copy', 'exam-authority-certificate', 'exam-ticket-copy', 'enlistment-keep-admission-form', 'auto-withdrawal-form', 'counsellor-evidence', 'identity-change-form', 'failed-course-sheet', 'review-result', 'discipline-decision', 'evidence-general', 'makeup-results', 'correction-form', 'diploma-copy', 'admission-summary', 'household-book-before', 'id-copy-before'));