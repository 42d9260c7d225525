CREATE TABLE "sign_on_flows" (
	"flow_hash" text PRIMARY KEY NOT NULL,
	"protocol" text NOT NULL,
	"client" text NOT NULL,
	"state" text,
	"nonce" text,
	"code_verifier" text,
	"handoff_hash" text,
	"user_id" integer,
	"ticket_hash" text,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sign_on_flows_handoff_hash_unique" UNIQUE("handoff_hash")
);
--> statement-breakpoint
CREATE TABLE "sign_on_tickets" (
	"ticket_hash" text PRIMARY KEY NOT NULL,
	"used_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "sign_on_ticket" text;--> statement-breakpoint
ALTER TABLE "sign_on_flows" ADD CONSTRAINT "sign_on_flows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_sign_on_ticket" ON "sessions" USING btree ("sign_on_ticket");