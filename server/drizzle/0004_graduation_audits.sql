CREATE TABLE "graduation_audits" (
	"id" serial PRIMARY KEY NOT NULL,
	"cohort" integer NOT NULL,
	"student_id" integer NOT NULL,
	"college_id" integer NOT NULL,
	"outcome" text NOT NULL,
	"degree" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"degree_reasons" jsonb NOT NULL,
	"data_complete" boolean NOT NULL,
	"rules_version" integer NOT NULL,
	"stage" text DEFAULT 'college-review' NOT NULL,
	"override_outcome" text,
	"override_degree" text,
	"override_reason" text,
	"override_by" integer,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "graduation_audits_once" UNIQUE("cohort","student_id")
);
--> statement-breakpoint
CREATE TABLE "student_photos" (
	"student_id" integer PRIMARY KEY NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" integer NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "students" ADD COLUMN "earned_credits" numeric(5, 1);--> statement-breakpoint
ALTER TABLE "graduation_audits" ADD CONSTRAINT "graduation_audits_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduation_audits" ADD CONSTRAINT "graduation_audits_college_id_colleges_id_fk" FOREIGN KEY ("college_id") REFERENCES "public"."colleges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduation_audits" ADD CONSTRAINT "graduation_audits_override_by_users_id_fk" FOREIGN KEY ("override_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_photos" ADD CONSTRAINT "student_photos_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "graduation_audits_college" ON "graduation_audits" USING btree ("cohort","college_id","stage");