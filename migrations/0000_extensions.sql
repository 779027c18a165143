-- Extensions every environment has (embedded PostgreSQL 18 and managed PostgreSQL >= 15).
-- All three are trusted extensions: a database owner can create them without superuser.
CREATE EXTENSION IF NOT EXISTS pgcrypto;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
