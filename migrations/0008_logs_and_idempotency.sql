CREATE TABLE "idempotency_keys" (
	"tenant_id" uuid NOT NULL,
	"key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"state" text NOT NULL,
	"response_status" integer,
	"response_headers" jsonb,
	"response_body" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_tenant_id_key_pk" PRIMARY KEY("tenant_id","key")
);
--> statement-breakpoint
CREATE TABLE "request_logs" (
	"id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"app_id" uuid,
	"key_id" uuid,
	"user_id" uuid,
	"request_id" text NOT NULL,
	"surface" text NOT NULL,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"route" text,
	"status" smallint NOT NULL,
	"latency_ms" real NOT NULL,
	"ip" text,
	"user_agent" text,
	"request_headers" jsonb,
	"response_headers" jsonb,
	"request_body" text,
	"response_body" text
) PARTITION BY RANGE ("created_at");
--> statement-breakpoint
CREATE TABLE "request_rollups_hour" (
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
	CONSTRAINT "request_rollups_hour_key" UNIQUE NULLS NOT DISTINCT("tenant_id","bucket","app_id","key_id","user_id","method","route","status_class")
);
--> statement-breakpoint
CREATE TABLE "request_rollups_minute" (
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
	CONSTRAINT "request_rollups_minute_key" UNIQUE NULLS NOT DISTINCT("tenant_id","bucket","app_id","key_id","user_id","method","route","status_class")
);
--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idempotency_keys_expires_idx" ON "idempotency_keys" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "request_logs_page_idx" ON "request_logs" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "request_logs_status_idx" ON "request_logs" USING btree ("tenant_id","status","created_at");