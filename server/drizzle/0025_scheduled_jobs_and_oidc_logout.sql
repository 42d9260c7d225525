CREATE TABLE "job_runs" (
	"job" text NOT NULL,
	"slot" bigint NOT NULL,
	"period_ms" bigint NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"duration_ms" integer,
	"outcome" text NOT NULL,
	"error" text,
	"runner" text NOT NULL,
	CONSTRAINT "job_runs_pkey" PRIMARY KEY("job","slot"),
	CONSTRAINT "job_runs_outcome" CHECK ("job_runs"."outcome" in ('running', 'ok', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "sign_on_id_token" text;--> statement-breakpoint
CREATE INDEX "job_runs_job_started" ON "job_runs" USING btree ("job","started_at");