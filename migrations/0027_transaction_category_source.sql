-- How each transaction was categorised (mcc, partner, rule, keyword, fallback); null for older rows.
ALTER TABLE "transactions" ADD COLUMN "category_source" text;