CREATE TABLE "attempts" (
	"platform" text NOT NULL,
	"team_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"user_id" text NOT NULL,
	"question_id" text NOT NULL,
	"local_date" date NOT NULL,
	"is_daily" boolean DEFAULT false NOT NULL,
	"written_answer" text,
	"revealed_at" timestamp with time zone,
	"grade" text,
	"points" integer,
	"graded_at" timestamp with time zone,
	"card_before" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "attempts_pk" PRIMARY KEY("platform","team_id","channel_id","user_id","question_id","local_date")
);
--> statement-breakpoint
CREATE TABLE "channels" (
	"platform" text NOT NULL,
	"team_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"time" text NOT NULL,
	"timezone" text NOT NULL,
	"days" smallint[] NOT NULL,
	"topic" text,
	"difficulty" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"next_run_at" timestamp with time zone,
	"disabled_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "channels_pk" PRIMARY KEY("platform","team_id","channel_id")
);
--> statement-breakpoint
CREATE TABLE "daily_posts" (
	"platform" text NOT NULL,
	"team_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"local_date" date NOT NULL,
	"question_id" text NOT NULL,
	"status" text DEFAULT 'picked' NOT NULL,
	"claimed_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"message_id" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "daily_posts_pk" PRIMARY KEY("platform","team_id","channel_id","local_date")
);
--> statement-breakpoint
CREATE TABLE "review_cards" (
	"platform" text NOT NULL,
	"team_id" text NOT NULL,
	"user_id" text NOT NULL,
	"question_id" text NOT NULL,
	"card" jsonb NOT NULL,
	"due" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "review_cards_pk" PRIMARY KEY("platform","team_id","user_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "scores" (
	"platform" text NOT NULL,
	"team_id" text NOT NULL,
	"scope_channel_id" text NOT NULL,
	"period" text NOT NULL,
	"period_start" date NOT NULL,
	"user_id" text NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "scores_pk" PRIMARY KEY("platform","team_id","scope_channel_id","period","period_start","user_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"platform" text NOT NULL,
	"team_id" text NOT NULL,
	"user_id" text NOT NULL,
	"display_name" text,
	"hidden" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "users_pk" PRIMARY KEY("platform","team_id","user_id")
);
--> statement-breakpoint
CREATE INDEX "attempts_user_idx" ON "attempts" USING btree ("platform","team_id","user_id");--> statement-breakpoint
CREATE INDEX "attempts_channel_day_idx" ON "attempts" USING btree ("platform","team_id","channel_id","local_date");--> statement-breakpoint
CREATE INDEX "channels_due_idx" ON "channels" USING btree ("next_run_at") WHERE "channels"."enabled";--> statement-breakpoint
CREATE INDEX "review_cards_due_idx" ON "review_cards" USING btree ("platform","team_id","user_id","due");--> statement-breakpoint
CREATE INDEX "scores_board_idx" ON "scores" USING btree ("platform","team_id","scope_channel_id","period","period_start","points" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "scores_user_idx" ON "scores" USING btree ("platform","team_id","user_id");