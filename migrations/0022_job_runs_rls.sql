CALL atrium_enable_tenant_rls('job_runs', 'tenant_id');
