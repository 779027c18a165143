CALL atrium_enable_tenant_rls('idempotency_keys', 'tenant_id');
--> statement-breakpoint
CALL atrium_enable_tenant_rls('request_logs', 'tenant_id');
--> statement-breakpoint
CALL atrium_enable_tenant_rls('request_rollups_minute', 'tenant_id');
--> statement-breakpoint
CALL atrium_enable_tenant_rls('request_rollups_hour', 'tenant_id');
