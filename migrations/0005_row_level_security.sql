-- Row-level security: the second wall behind the services' own tenant filters (ARCHITECTURE.md,
-- "Tenant isolation"). Tenant-scoped work runs as the NOLOGIN role atrium_tenant with the
-- transaction-local setting atrium.tenant_id; without that setting a tenant table shows no rows.
-- The connecting (owning) role keeps its access for system work: migrations, the operator console,
-- resolving a session's memberships.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'atrium_tenant') THEN
    CREATE ROLE atrium_tenant NOLOGIN;
  END IF;
  -- A non-superuser owner must be a member to SET ROLE; a superuser may already.
  IF NOT pg_has_role(current_user, 'atrium_tenant', 'MEMBER') THEN
    EXECUTE format('GRANT atrium_tenant TO %I', current_user);
  END IF;
END
$$;
--> statement-breakpoint
CREATE FUNCTION atrium_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('atrium.tenant_id', true), '')::uuid $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO atrium_tenant;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO atrium_tenant;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO atrium_tenant;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO atrium_tenant;
--> statement-breakpoint
-- The audit trail is append-only for everyone; the tenant role may not even try.
REVOKE UPDATE, DELETE ON audit_events FROM atrium_tenant;
--> statement-breakpoint
CREATE FUNCTION atrium_audit_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege'; END $$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION atrium_audit_append_only();
--> statement-breakpoint
CREATE PROCEDURE atrium_enable_tenant_rls(tbl regclass, tenant_column text) LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s TO atrium_tenant USING (%I = atrium_current_tenant()) WITH CHECK (%I = atrium_current_tenant())',
    tbl, tenant_column, tenant_column);
  EXECUTE format(
    'CREATE POLICY system_access ON %s USING (current_user <> ''atrium_tenant'') WITH CHECK (current_user <> ''atrium_tenant'')',
    tbl);
END
$$;
--> statement-breakpoint
CALL atrium_enable_tenant_rls('tenants', 'id');
--> statement-breakpoint
CALL atrium_enable_tenant_rls('projects', 'tenant_id');
--> statement-breakpoint
CALL atrium_enable_tenant_rls('apps', 'tenant_id');
--> statement-breakpoint
CALL atrium_enable_tenant_rls('roles', 'tenant_id');
--> statement-breakpoint
CALL atrium_enable_tenant_rls('memberships', 'tenant_id');
--> statement-breakpoint
CALL atrium_enable_tenant_rls('invitations', 'tenant_id');
--> statement-breakpoint
CALL atrium_enable_tenant_rls('audit_events', 'tenant_id');
