CREATE TABLE "course_results" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"student_id" integer NOT NULL,
	"term" text NOT NULL,
	"course_key" text NOT NULL,
	"course_code" text,
	"course_name" text NOT NULL,
	"credits" numeric(4, 1) NOT NULL,
	"score" text,
	"passed" boolean NOT NULL,
	"grade_point" numeric(3, 2),
	"nature" text,
	"exam_type" text NOT NULL,
	"import_id" integer,
	CONSTRAINT "course_results_attempt" UNIQUE("student_id","term","course_key","exam_type")
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"file_name" text NOT NULL,
	"file" "bytea" NOT NULL,
	"file_sha256" text NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"previewed_by" integer NOT NULL,
	"previewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_by" integer,
	"committed_at" timestamp with time zone,
	"report" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "status_changes" ADD COLUMN "import_id" integer;--> statement-breakpoint
ALTER TABLE "course_results" ADD CONSTRAINT "course_results_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_results" ADD CONSTRAINT "course_results_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_previewed_by_users_id_fk" FOREIGN KEY ("previewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_committed_by_users_id_fk" FOREIGN KEY ("committed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "course_results_student" ON "course_results" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "imports_kind_previewed" ON "imports" USING btree ("kind","previewed_at");