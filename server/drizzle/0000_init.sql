CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" text NOT NULL,
	"user_id" integer,
	"role" text,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "classes" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"major_id" integer NOT NULL,
	"grade" integer NOT NULL,
	CONSTRAINT "classes_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "colleges" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "colleges_code_unique" UNIQUE("code"),
	CONSTRAINT "colleges_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "majors" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"college_id" integer NOT NULL,
	"level" text NOT NULL,
	"duration" numeric(3, 1) NOT NULL,
	"max_study_years" integer NOT NULL,
	"required_credits" numeric(5, 1) NOT NULL,
	CONSTRAINT "majors_code_level" UNIQUE("code","level")
);
--> statement-breakpoint
CREATE TABLE "terms" (
	"code" text PRIMARY KEY NOT NULL,
	"academic_year" text NOT NULL,
	"start_date" text NOT NULL,
	"end_date" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "failed_course_records" (
	"id" serial PRIMARY KEY NOT NULL,
	"student_id" integer NOT NULL,
	"term_code" text NOT NULL,
	"academic_year" text NOT NULL,
	"course_code" text,
	"course_name" text NOT NULL,
	"credits" numeric(4, 1) NOT NULL,
	"course_nature" text,
	"score" text,
	"passed" boolean,
	"exam_type" text,
	"source_submission_id" uuid
);
--> statement-breakpoint
CREATE TABLE "pending_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"student_id" integer NOT NULL,
	"college_id" integer NOT NULL,
	"kind" text NOT NULL,
	"academic_year" text NOT NULL,
	"term_code" text DEFAULT '' NOT NULL,
	"figures" jsonb NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"source_submission_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pending_items_once" UNIQUE("student_id","academic_year","term_code","kind")
);
--> statement-breakpoint
CREATE TABLE "sheet_rows" (
	"submission_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"student_no" text,
	"values" jsonb NOT NULL,
	"issues" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error_count" integer NOT NULL,
	CONSTRAINT "sheet_rows_submission_id_row_number_pk" PRIMARY KEY("submission_id","row_number")
);
--> statement-breakpoint
CREATE TABLE "sheet_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" text NOT NULL,
	"kind" text NOT NULL,
	"college_id" integer NOT NULL,
	"term_code" text NOT NULL,
	"version" integer NOT NULL,
	"file_name" text,
	"content_hash" text NOT NULL,
	"template_version" integer NOT NULL,
	"row_count" integer NOT NULL,
	"rows_with_errors" integer NOT NULL,
	"error_count" integer NOT NULL,
	"warning_count" integer NOT NULL,
	"state" text NOT NULL,
	"submitted_by" integer NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"review_reason" text,
	CONSTRAINT "sheet_submissions_client_id_unique" UNIQUE("client_id"),
	CONSTRAINT "sheet_submissions_version" UNIQUE("kind","college_id","term_code","version")
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"student_id" integer NOT NULL,
	"academic_year" text NOT NULL,
	"status" text NOT NULL,
	"source_submission_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registrations_student_id_academic_year_pk" PRIMARY KEY("student_id","academic_year")
);
--> statement-breakpoint
CREATE TABLE "students" (
	"id" serial PRIMARY KEY NOT NULL,
	"student_no" text NOT NULL,
	"exam_no" text,
	"id_number" text NOT NULL,
	"name" text NOT NULL,
	"gender" text NOT NULL,
	"birth_date" date NOT NULL,
	"ethnicity" text NOT NULL,
	"political_status" text,
	"college_id" integer NOT NULL,
	"major_id" integer NOT NULL,
	"class_id" integer,
	"grade" integer NOT NULL,
	"level" text NOT NULL,
	"duration" numeric(3, 1) NOT NULL,
	"study_form" text NOT NULL,
	"enrolment_date" date NOT NULL,
	"expected_graduation_date" date NOT NULL,
	"admission_type" text,
	"status" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "students_student_no_unique" UNIQUE("student_no")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"address" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"college_id" integer,
	"password_hash" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
ALTER TABLE "classes" ADD CONSTRAINT "classes_major_id_majors_id_fk" FOREIGN KEY ("major_id") REFERENCES "public"."majors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "majors" ADD CONSTRAINT "majors_college_id_colleges_id_fk" FOREIGN KEY ("college_id") REFERENCES "public"."colleges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "failed_course_records" ADD CONSTRAINT "failed_course_records_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "failed_course_records" ADD CONSTRAINT "failed_course_records_source_submission_id_sheet_submissions_id_fk" FOREIGN KEY ("source_submission_id") REFERENCES "public"."sheet_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_items" ADD CONSTRAINT "pending_items_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_items" ADD CONSTRAINT "pending_items_college_id_colleges_id_fk" FOREIGN KEY ("college_id") REFERENCES "public"."colleges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_items" ADD CONSTRAINT "pending_items_source_submission_id_sheet_submissions_id_fk" FOREIGN KEY ("source_submission_id") REFERENCES "public"."sheet_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sheet_rows" ADD CONSTRAINT "sheet_rows_submission_id_sheet_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."sheet_submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sheet_submissions" ADD CONSTRAINT "sheet_submissions_college_id_colleges_id_fk" FOREIGN KEY ("college_id") REFERENCES "public"."colleges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sheet_submissions" ADD CONSTRAINT "sheet_submissions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sheet_submissions" ADD CONSTRAINT "sheet_submissions_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "students" ADD CONSTRAINT "students_college_id_colleges_id_fk" FOREIGN KEY ("college_id") REFERENCES "public"."colleges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "students" ADD CONSTRAINT "students_major_id_majors_id_fk" FOREIGN KEY ("major_id") REFERENCES "public"."majors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "students" ADD CONSTRAINT "students_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_college_id_colleges_id_fk" FOREIGN KEY ("college_id") REFERENCES "public"."colleges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_entity" ON "audit_events" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "classes_major" ON "classes" USING btree ("major_id");--> statement-breakpoint
CREATE INDEX "majors_college" ON "majors" USING btree ("college_id");--> statement-breakpoint
CREATE INDEX "failed_course_records_student_year" ON "failed_course_records" USING btree ("student_id","academic_year");--> statement-breakpoint
CREATE INDEX "failed_course_records_source" ON "failed_course_records" USING btree ("source_submission_id");--> statement-breakpoint
CREATE INDEX "pending_items_college_state" ON "pending_items" USING btree ("college_id","state");--> statement-breakpoint
CREATE INDEX "sheet_rows_student" ON "sheet_rows" USING btree ("student_no");--> statement-breakpoint
CREATE INDEX "sheet_submissions_state" ON "sheet_submissions" USING btree ("state","submitted_at");--> statement-breakpoint
CREATE INDEX "students_college_status" ON "students" USING btree ("college_id","status");--> statement-breakpoint
CREATE INDEX "students_id_number" ON "students" USING btree ("id_number");--> statement-breakpoint
CREATE INDEX "students_major_grade" ON "students" USING btree ("major_id","grade");--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_username_at" ON "sign_in_attempts" USING btree ("username","at");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_address_at" ON "sign_in_attempts" USING btree ("address","at");