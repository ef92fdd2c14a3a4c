CREATE TABLE "team_packs" (
	"platform" text NOT NULL,
	"team_id" text NOT NULL,
	"pack_id" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"files" jsonb NOT NULL,
	"imported_by" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "team_packs_pk" PRIMARY KEY("platform","team_id","pack_id")
);
--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "packs" text[];