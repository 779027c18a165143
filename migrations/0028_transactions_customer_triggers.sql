ALTER TABLE "transactions" DROP CONSTRAINT "transactions_customer_fk";
--> statement-breakpoint
-- Transactions keep to their customer within their tenant by statement-level triggers instead of
-- the foreign key dropped above, which checked every inserted row on its own: a third of a
-- statement upload's INSERT (schema.ts). The same guarantees, one set-based check per statement:
--   * every inserted or updated row's (tenant_id, customer_id) is a customer, locked FOR KEY SHARE
--     as a key's check would, so it cannot be deleted before the writing transaction commits;
--   * deleting customers deletes their transactions (the key's ON DELETE CASCADE);
--   * a customer's id and tenant never change (the key refused changing a referenced one).
-- SECURITY DEFINER, like a key's own checks: they see every customer whatever the caller's role.
CREATE FUNCTION atrium_transactions_customer_check() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  named integer;
  found integer;
BEGIN
  SELECT count(*) INTO named FROM (SELECT DISTINCT tenant_id, customer_id FROM changed) AS pairs;
  SELECT count(*) INTO found FROM (
    SELECT 1 FROM customers c
     WHERE (c.tenant_id, c.id) IN (SELECT tenant_id, customer_id FROM changed)
       FOR KEY SHARE OF c
  ) AS locked;
  IF found < named THEN
    RAISE EXCEPTION 'a transaction names no customer of its tenant'
      USING ERRCODE = 'foreign_key_violation', TABLE = 'transactions';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER transactions_customer_on_insert AFTER INSERT ON transactions
  REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION atrium_transactions_customer_check();
--> statement-breakpoint
CREATE TRIGGER transactions_customer_on_update AFTER UPDATE ON transactions
  REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION atrium_transactions_customer_check();
--> statement-breakpoint
CREATE FUNCTION atrium_customers_delete_transactions() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
BEGIN
  DELETE FROM transactions t USING removed r WHERE t.tenant_id = r.tenant_id AND t.customer_id = r.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER customers_delete_transactions AFTER DELETE ON customers
  REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION atrium_customers_delete_transactions();
--> statement-breakpoint
CREATE FUNCTION atrium_customers_key_unchanged() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NEW.id IS DISTINCT FROM OLD.id OR NEW.tenant_id IS DISTINCT FROM OLD.tenant_id THEN
    RAISE EXCEPTION 'a customer''s id and tenant never change'
      USING ERRCODE = 'foreign_key_violation', TABLE = 'customers';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER customers_key_unchanged BEFORE UPDATE OF id, tenant_id ON customers
  FOR EACH ROW EXECUTE FUNCTION atrium_customers_key_unchanged();
