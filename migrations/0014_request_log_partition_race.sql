-- Two batches meeting a new day at once: the advisory lock orders them, but it does not refresh
-- the catalogue cache, so the second one could still miss the first one's partition and fail with
-- "already exists". Creating it in a sub-block that tolerates duplicate_table closes that race.
CREATE OR REPLACE FUNCTION atrium_request_log_partition(day date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  partition_name text := 'request_logs_p' || to_char(day, 'YYYYMMDD');
BEGIN
  IF to_regclass(partition_name) IS NOT NULL THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('atrium_request_log_partition'));
  BEGIN
    EXECUTE format('CREATE TABLE %I PARTITION OF request_logs FOR VALUES FROM (%L) TO (%L)',
      partition_name, day, day + 1);
    EXECUTE format('REVOKE ALL ON %I FROM atrium_tenant', partition_name);
  EXCEPTION WHEN duplicate_table THEN
    NULL;
  END;
END
$$;
