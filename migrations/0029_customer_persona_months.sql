ALTER TABLE "customers" ADD COLUMN "persona_months" jsonb;--> statement-breakpoint
-- Filled from each customer's latest analysis, as the analysis job writes it from now on.
UPDATE customers c
   SET persona_months = latest.months
  FROM (
    SELECT DISTINCT ON (a.tenant_id, a.customer_id) a.tenant_id, a.customer_id,
           (SELECT jsonb_object_agg(m->>'month', m->>'persona')
              FROM jsonb_array_elements(CASE WHEN jsonb_typeof(a.timeline) = 'array' THEN a.timeline ELSE '[]'::jsonb END) m
             WHERE m->>'persona' IS NOT NULL) AS months
      FROM customer_analyses a
     ORDER BY a.tenant_id, a.customer_id, a.created_at DESC
  ) latest
 WHERE c.tenant_id = latest.tenant_id AND c.id = latest.customer_id;
