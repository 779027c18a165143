CREATE TABLE "customer_analyses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"statement_id" uuid,
	"engine_version" text NOT NULL,
	"transaction_count" integer NOT NULL,
	"period_start" date,
	"period_end" date,
	"persona" text NOT NULL,
	"persona_reasons" jsonb NOT NULL,
	"cravings" jsonb NOT NULL,
	"profile" jsonb NOT NULL,
	"drift" jsonb,
	"drift_level" text,
	"drift_psi" real,
	"timeline" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"external_ref" text NOT NULL,
	"display_name" text,
	"birth_year" smallint,
	"gender" text,
	"region" text,
	"persona" text,
	"drift_level" text,
	"drift_psi" real,
	"cravings" jsonb,
	"risk_level" text,
	"transaction_count" integer DEFAULT 0 NOT NULL,
	"first_transaction_on" date,
	"last_transaction_on" date,
	"analyzed_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"merged_into_id" uuid,
	"merged_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"app_id" uuid,
	"key_id" uuid,
	"format" text NOT NULL,
	"received_count" integer NOT NULL,
	"stored_count" integer NOT NULL,
	"duplicate_count" integer NOT NULL,
	"period_start" date,
	"period_end" date,
	"job_run_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transactions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"statement_id" uuid NOT NULL,
	"booked_on" date NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"currency" text NOT NULL,
	"description" text NOT NULL,
	"counterparty" text,
	"channel" text,
	"partner_category" text,
	"mcc" text,
	"partner_transaction_id" text,
	"dedupe_key" text NOT NULL,
	"category" text NOT NULL,
	"category_confidence" real NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customer_analyses" ADD CONSTRAINT "customer_analyses_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_analyses" ADD CONSTRAINT "customer_analyses_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_analyses" ADD CONSTRAINT "customer_analyses_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_merged_into_id_customers_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_analyses_customer_idx" ON "customer_analyses" USING btree ("tenant_id","customer_id","created_at");--> statement-breakpoint
CREATE INDEX "customer_analyses_drift_idx" ON "customer_analyses" USING btree ("tenant_id","created_at") WHERE drift_level IN ('moderate', 'alert');--> statement-breakpoint
CREATE UNIQUE INDEX "customers_tenant_ref_idx" ON "customers" USING btree ("tenant_id","external_ref");--> statement-breakpoint
CREATE INDEX "customers_tenant_persona_idx" ON "customers" USING btree ("tenant_id","persona");--> statement-breakpoint
CREATE INDEX "customers_tenant_drift_idx" ON "customers" USING btree ("tenant_id","drift_level");--> statement-breakpoint
CREATE INDEX "statements_tenant_customer_idx" ON "statements" USING btree ("tenant_id","customer_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "transactions_customer_dedupe_idx" ON "transactions" USING btree ("customer_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "transactions_tenant_customer_booked_idx" ON "transactions" USING btree ("tenant_id","customer_id","booked_on","id");