CREATE TABLE "system_instance" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"installed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"demo_seeded_at" timestamp with time zone,
	"worker_heartbeat_at" timestamp with time zone,
	CONSTRAINT "system_instance_singleton" CHECK ("system_instance"."id" = 1)
);
--> statement-breakpoint
INSERT INTO "system_instance" ("id") VALUES (1) ON CONFLICT DO NOTHING;
