-- Row-level security for the intelligence module's tenant tables (see 0005_row_level_security.sql).
-- The analysis jobs work across tenants as the connecting role (system_access).
CALL atrium_enable_tenant_rls('customers', 'tenant_id');
--> statement-breakpoint
CALL atrium_enable_tenant_rls('statements', 'tenant_id');
--> statement-breakpoint
CALL atrium_enable_tenant_rls('transactions', 'tenant_id');
--> statement-breakpoint
CALL atrium_enable_tenant_rls('customer_analyses', 'tenant_id');
