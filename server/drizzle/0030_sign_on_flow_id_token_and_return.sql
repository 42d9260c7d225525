ALTER TABLE "sign_on_flows" ADD COLUMN "id_token" text;--> statement-breakpoint
ALTER TABLE "sign_on_flows" ADD COLUMN "return_to" text;