CREATE TABLE "freeze_lifts" (
	"id" serial PRIMARY KEY NOT NULL,
	"student_id" integer NOT NULL,
	"academic_year" text NOT NULL,
	"reason" text NOT NULL,
	"lifted_by" integer NOT NULL,
	"lifted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applications" DROP CONSTRAINT "applications_type";--> statement-breakpoint
ALTER TABLE "applications" DROP CONSTRAINT "applications_materials";--> statement-breakpoint
ALTER TABLE "application_scans" DROP CONSTRAINT "application_scans_material";--> statement-breakpoint
ALTER TABLE "status_documents" ADD COLUMN "replaces_certificate_id" integer;--> statement-breakpoint
ALTER TABLE "status_documents" ADD COLUMN "awaiting_print" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "students" ADD COLUMN "document_type" text DEFAULT '居民身份证' NOT NULL;--> statement-breakpoint
ALTER TABLE "freeze_lifts" ADD CONSTRAINT "freeze_lifts_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freeze_lifts" ADD CONSTRAINT "freeze_lifts_lifted_by_users_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "freeze_lifts_student" ON "freeze_lifts" USING btree ("student_id","academic_year");--> statement-breakpoint
ALTER TABLE "status_documents" ADD CONSTRAINT "status_documents_replaces_certificate_id_graduation_certificates_id_fk" FOREIGN KEY ("replaces_certificate_id") REFERENCES "public"."graduation_certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_type" CHECK ("applications"."type" in ('suspension', 'resumption', 'demotion', 'keep-admission', 'give-up-admission', 'withdrawal', 'dismissal', 'change-major', 'deregistration', 'identity-change', 'academic-demotion', 'cancel-admission', 'expulsion', 'status-cancellation', 'completion-to-graduation', 'record-correction', 'certificate-replacement', 'resume-admission'));--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_materials" CHECK (jsonb_typeof("applications"."materials") = 'array' and "applications"."materials" <@ '["application-form","student-id-copy","parent-id-copy","diagnosis","enlistment","recovery","discharge","admission-letter","death-certificate","dismissal-form","evidence","ranking","police-conclusion","household-certificate","household-book-copy","old-id-copy","new-id-copy","exam-authority-certificate","exam-ticket-copy","enlistment-keep-admission-form","auto-withdrawal-form","counsellor-evidence","identity-change-form","failed-course-sheet","review-result","discipline-decision","evidence-general","makeup-results","correction-form","diploma-copy","admission-summary","household-book-before","id-copy-before","blue-photo","fee-receipt"]'::jsonb);--> statement-breakpoint
ALTER TABLE "application_scans" ADD CONSTRAINT "application_scans_material" CHECK ("application_scans"."material" in ('application-form', 'student-id-copy', 'parent-id-copy', 'diagnosis', 'enlistment', 'recovery', 'discharge', 'admission-letter', 'death-certificate', 'dismissal-form', 'evidence', 'ranking', 'police-conclusion', 'household-certificate', 'household-book-copy', 'old-id-copy', 'new-id-copy', 'exam-authority-certificate', 'exam-ticket-copy', 'enlistment-keep-admission-form', 'auto-withdrawal-form', 'counsellor-evidence', 'identity-change-form', 'failed-course-sheet', 'review-result', 'discipline-decision', 'evidence-general', 'makeup-results', 'correction-form', 'diploma-copy', 'admission-summary', 'household-book-before', 'id-copy-before', 'blue-photo', 'fee-receipt'));