CREATE TABLE "school" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"code" text NOT NULL,
	"president_name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_single_row" CHECK ("school"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "classes" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "colleges" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "majors" ADD COLUMN "study_form" text DEFAULT '1' NOT NULL;--> statement-breakpoint
ALTER TABLE "majors" ADD COLUMN "degree_category" text;--> statement-breakpoint
ALTER TABLE "majors" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "terms" ADD COLUMN "retired_at" timestamp with time zone;