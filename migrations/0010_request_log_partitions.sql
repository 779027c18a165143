-- A day's partition of the request log, created on demand by the writer and ahead by a daily job.
-- The tenant role reads the log through the parent table only, where row-level security applies:
-- it gets no rights on the partitions themselves.
CREATE FUNCTION atrium_request_log_partition(day date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  partition_name text := 'request_logs_p' || to_char(day, 'YYYYMMDD');
BEGIN
  IF to_regclass(partition_name) IS NOT NULL THEN
    RETURN;
  END IF;
  -- Two processes may meet the same new day at once.
  PERFORM pg_advisory_xact_lock(hashtext('atrium_request_log_partition'));
  IF to_regclass(partition_name) IS NULL THEN
    EXECUTE format('CREATE TABLE %I PARTITION OF request_logs FOR VALUES FROM (%L) TO (%L)',
      partition_name, day, day + 1);
    EXECUTE format('REVOKE ALL ON %I FROM atrium_tenant', partition_name);
  END IF;
END
$$;
--> statement-breakpoint
-- The Logs page's 5xx filter reads only the failures.
CREATE INDEX request_logs_errors_idx ON request_logs (tenant_id, created_at, id) WHERE status >= 500;
--> statement-breakpoint
-- Per-key and per-app views of the log.
CREATE INDEX request_logs_key_idx ON request_logs (tenant_id, key_id, created_at) WHERE key_id IS NOT NULL;
