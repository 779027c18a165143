-- Transactions: one composite foreign key (tenant_id, customer_id) → customers instead of three
-- single-column keys; each key is a lookup per inserted row (schema.ts says why).
CREATE UNIQUE INDEX "customers_tenant_id_idx" ON "customers" USING btree ("tenant_id","id");
--> statement-breakpoint
ALTER TABLE "transactions" DROP CONSTRAINT "transactions_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "transactions" DROP CONSTRAINT "transactions_customer_id_customers_id_fk";
--> statement-breakpoint
ALTER TABLE "transactions" DROP CONSTRAINT "transactions_statement_id_statements_id_fk";
--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_customer_fk" FOREIGN KEY ("tenant_id","customer_id") REFERENCES "public"."customers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;
