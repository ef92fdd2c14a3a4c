DROP INDEX "channels_due_idx";--> statement-breakpoint
CREATE INDEX "channels_due_idx" ON "channels" USING btree ("next_run_at","platform","team_id","channel_id") WHERE "channels"."enabled";