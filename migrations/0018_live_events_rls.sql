CALL atrium_enable_tenant_rls('live_events', 'tenant_id');
