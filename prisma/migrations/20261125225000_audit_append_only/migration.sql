-- The audit trail is append-only: rows can be inserted, never changed or removed. A row-level
-- trigger refuses UPDATE and DELETE for every role, including the application's own. TRUNCATE
-- (used only by `restore --replace`, inside its all-or-nothing transaction) is not a row
-- operation and stays possible; see docs/security.md.
CREATE OR REPLACE FUNCTION "stride_audit_event_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "stride_audit_event_append_only"();
