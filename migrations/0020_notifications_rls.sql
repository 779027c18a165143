CALL atrium_enable_tenant_rls('notifications', 'tenant_id');
--> statement-breakpoint
CALL atrium_enable_tenant_rls('notification_once', 'tenant_id');
