CREATE TABLE "application_decisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"action" text NOT NULL,
	"from_stage" text NOT NULL,
	"to_stage" text NOT NULL,
	"user_id" integer NOT NULL,
	"role" text NOT NULL,
	"opinion" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"workflow_version" integer NOT NULL,
	"student_id" integer NOT NULL,
	"college_id" integer NOT NULL,
	"target_college_id" integer,
	"reason_code" text NOT NULL,
	"materials" jsonb NOT NULL,
	"changes" jsonb NOT NULL,
	"note" text,
	"stage" text NOT NULL,
	"state" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"filed_by" integer NOT NULL,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_on" date,
	"due_on" date,
	"notice_ends_on" date,
	"notice_no" text,
	"executed_on" date,
	"deregistration_due_on" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notice_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "status_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"student_id" integer NOT NULL,
	"application_id" integer,
	"field" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"notice_no" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pending_items" ADD COLUMN "lifted_by" integer;--> statement-breakpoint
ALTER TABLE "pending_items" ADD COLUMN "lifted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pending_items" ADD COLUMN "lift_reason" text;--> statement-breakpoint
ALTER TABLE "application_decisions" ADD CONSTRAINT "application_decisions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_decisions" ADD CONSTRAINT "application_decisions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_college_id_colleges_id_fk" FOREIGN KEY ("college_id") REFERENCES "public"."colleges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_target_college_id_colleges_id_fk" FOREIGN KEY ("target_college_id") REFERENCES "public"."colleges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_changes" ADD CONSTRAINT "status_changes_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_changes" ADD CONSTRAINT "status_changes_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_decisions_application" ON "application_decisions" USING btree ("application_id","id");--> statement-breakpoint
CREATE INDEX "applications_pipeline" ON "applications" USING btree ("state","type","stage","college_id");--> statement-breakpoint
CREATE INDEX "applications_college_filed" ON "applications" USING btree ("college_id","filed_at");--> statement-breakpoint
CREATE INDEX "applications_due" ON "applications" USING btree ("state","due_on");--> statement-breakpoint
CREATE INDEX "applications_student" ON "applications" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "status_changes_student" ON "status_changes" USING btree ("student_id","id");--> statement-breakpoint
ALTER TABLE "pending_items" ADD CONSTRAINT "pending_items_lifted_by_users_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;