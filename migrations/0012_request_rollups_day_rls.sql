CALL atrium_enable_tenant_rls('request_rollups_day', 'tenant_id');
