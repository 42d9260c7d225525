CREATE TABLE "retired_verify_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"printing" integer NOT NULL,
	"retired_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verify_counters" (
	"key" text PRIMARY KEY NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"attempts" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "status_documents" ADD COLUMN "printed" jsonb;--> statement-breakpoint
ALTER TABLE "status_documents" ADD COLUMN "reprint_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "status_documents" ADD COLUMN "reprinted_on" date;--> statement-breakpoint
ALTER TABLE "retired_verify_codes" ADD CONSTRAINT "retired_verify_codes_document_id_status_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."status_documents"("id") ON DELETE no action ON UPDATE no action;