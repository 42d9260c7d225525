CREATE TABLE "audit_pending" (
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
	"seal" text NOT NULL
);
--> statement-breakpoint
-- A sealed event waiting for the chainer is moved (inserted into audit_events, deleted here), never edited.
CREATE OR REPLACE FUNCTION audit_pending_no_edit() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_pending events are moved, never edited';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_pending_no_update BEFORE UPDATE ON audit_pending
  FOR EACH ROW EXECUTE FUNCTION audit_pending_no_edit();
