CALL atrium_enable_tenant_rls('api_keys', 'tenant_id');
