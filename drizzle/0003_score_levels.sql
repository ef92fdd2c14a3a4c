CREATE TABLE "score_levels" (
	"platform" text NOT NULL,
	"team_id" text NOT NULL,
	"scope_channel_id" text NOT NULL,
	"period" text NOT NULL,
	"period_start" date NOT NULL,
	"points" integer NOT NULL,
	"users" integer NOT NULL,
	CONSTRAINT "score_levels_pk" PRIMARY KEY("platform","team_id","scope_channel_id","period","period_start","points")
);
--> statement-breakpoint
-- Existing boards: one level per distinct points total, from the scores already there.
INSERT INTO "score_levels" ("platform","team_id","scope_channel_id","period","period_start","points","users")
SELECT "platform","team_id","scope_channel_id","period","period_start","points",count(*)::int
FROM "scores" GROUP BY 1,2,3,4,5,6;
