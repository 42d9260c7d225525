CREATE TABLE "freeze_lifts" (
	"id" serial PRIMARY KEY NOT NULL,
	"student_id" integer NOT NULL,
	"academic_year" text NOT NULL,
	"reason" text NOT NULL,
	"lifted_by" integer NOT NULL,
	"lifted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "students" ADD COLUMN "document_type" text DEFAULT '居民身份证' NOT NULL;--> statement-breakpoint
ALTER TABLE "freeze_lifts" ADD CONSTRAINT "freeze_lifts_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "freeze_lifts" ADD CONSTRAINT "freeze_lifts_lifted_by_users_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "freeze_lifts_student" ON "freeze_lifts" USING btree ("student_id","academic_year");