-- Row-level security for the webhooks module's tenant tables (see 0005_row_level_security.sql).
-- The dispatcher and the delivery jobs work across tenants as the connecting role (system_access).
CALL atrium_enable_tenant_rls('events', 'tenant_id');
--> statement-breakpoint
CALL atrium_enable_tenant_rls('webhook_endpoints', 'tenant_id');
--> statement-breakpoint
CALL atrium_enable_tenant_rls('webhook_messages', 'tenant_id');
--> statement-breakpoint
CALL atrium_enable_tenant_rls('webhook_attempts', 'tenant_id');
