CREATE TABLE "certificate_counters" (
	"prefix" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "graduation_certificates" (
	"id" serial PRIMARY KEY NOT NULL,
	"student_id" integer NOT NULL,
	"audit_id" integer,
	"kind" text NOT NULL,
	"certificate_no" text NOT NULL,
	"school_name" text NOT NULL,
	"president_name" text NOT NULL,
	"issue_date" date NOT NULL,
	"degree_awarded" boolean NOT NULL,
	"notice_no" text,
	"issued_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "graduation_certificates_certificate_no_unique" UNIQUE("certificate_no")
);
--> statement-breakpoint
CREATE TABLE "registration_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"student_id" integer NOT NULL,
	"academic_year" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"on" date NOT NULL,
	"by" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_sign_offs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"stage" text NOT NULL,
	"signer" text NOT NULL,
	"signed_on" date NOT NULL,
	"scan" text,
	"scan_type" text,
	"recorded_by" integer NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_counters" (
	"key" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "status_documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_no" text NOT NULL,
	"kind" text NOT NULL,
	"student_id" integer NOT NULL,
	"verify_code_hash" text NOT NULL,
	"name_shown" text NOT NULL,
	"status_shown" text NOT NULL,
	"issued_on" date NOT NULL,
	"issued_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "status_documents_document_no_unique" UNIQUE("document_no"),
	CONSTRAINT "status_documents_verify_code_hash_unique" UNIQUE("verify_code_hash")
);
--> statement-breakpoint
ALTER TABLE "students" ADD COLUMN "gpa" numeric(3, 2);--> statement-breakpoint
ALTER TABLE "students" ADD COLUMN "facts" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "graduation_certificates" ADD CONSTRAINT "graduation_certificates_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduation_certificates" ADD CONSTRAINT "graduation_certificates_audit_id_graduation_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."graduation_audits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduation_certificates" ADD CONSTRAINT "graduation_certificates_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_events" ADD CONSTRAINT "registration_events_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_events" ADD CONSTRAINT "registration_events_by_users_id_fk" FOREIGN KEY ("by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_sign_offs" ADD CONSTRAINT "application_sign_offs_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_sign_offs" ADD CONSTRAINT "application_sign_offs_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_documents" ADD CONSTRAINT "status_documents_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_documents" ADD CONSTRAINT "status_documents_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "graduation_certificates_student" ON "graduation_certificates" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "graduation_certificates_audit" ON "graduation_certificates" USING btree ("audit_id");--> statement-breakpoint
CREATE INDEX "registration_events_student" ON "registration_events" USING btree ("student_id","academic_year");--> statement-breakpoint
CREATE INDEX "application_sign_offs_application" ON "application_sign_offs" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "status_documents_student" ON "status_documents" USING btree ("student_id");