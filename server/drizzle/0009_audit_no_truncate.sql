-- TRUNCATE does not fire row triggers, so 0001 let `TRUNCATE audit_events` empty the log, which then
-- verified as intact with 0 events. A statement-level trigger refuses it too.
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
