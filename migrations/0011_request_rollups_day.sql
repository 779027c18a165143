CREATE TABLE "request_rollups_day" (
	"tenant_id" uuid NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"app_id" uuid,
	"key_id" uuid,
	"user_id" uuid,
	"method" text NOT NULL,
	"route" text NOT NULL,
	"status_class" smallint NOT NULL,
	"requests" integer NOT NULL,
	"latency_sum_ms" double precision NOT NULL,
	"latency_max_ms" real NOT NULL,
	"latency_buckets" integer[] NOT NULL,
	CONSTRAINT "request_rollups_day_key" UNIQUE NULLS NOT DISTINCT("tenant_id","bucket","app_id","key_id","user_id","method","route","status_class")
);
