-- Every index costs each of the tens of thousands of rows written per second: the status index is
-- covered by the page index (tenant, time) with a filter, and by the partial index for errors.
DROP INDEX "request_logs_status_idx";