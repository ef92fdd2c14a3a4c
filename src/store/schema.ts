/**
 * The one schema for PGlite and Postgres. Every row is keyed by platform +
 * team + the platform's own ids so one database serves many teams. Writes a
 * user can repeat land on these primary keys with ON CONFLICT.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { ReviewCardState } from '../rules/review-cards.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const channels = pgTable(
  'channels',
  {
    platform: text('platform').notNull(),
    teamId: text('team_id').notNull(),
    channelId: text('channel_id').notNull(),
    time: text('time').notNull(),
    timezone: text('timezone').notNull(),
    days: smallint('days').array().notNull(),
    topic: text('topic'),
    difficulty: text('difficulty'),
    /** The packs the daily question is drawn from; null means every pack the team can use. */
    packs: text('packs').array(),
    enabled: boolean('enabled').notNull().default(true),
    nextRunAt: at('next_run_at'),
    disabledReason: text('disabled_reason'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'channels_pk', columns: [t.platform, t.teamId, t.channelId] }),
    index('channels_due_idx').on(t.nextRunAt, t.platform, t.teamId, t.channelId).where(sql`${t.enabled}`),
  ],
);

export const dailyPosts = pgTable(
  'daily_posts',
  {
    platform: text('platform').notNull(),
    teamId: text('team_id').notNull(),
    channelId: text('channel_id').notNull(),
    localDate: date('local_date', { mode: 'string' }).notNull(),
    questionId: text('question_id').notNull(),
    // picked -> claimed -> sent | skipped | failed
    status: text('status').notNull().default('picked'),
    claimedAt: at('claimed_at'),
    sentAt: at('sent_at'),
    messageId: text('message_id'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [primaryKey({ name: 'daily_posts_pk', columns: [t.platform, t.teamId, t.channelId, t.localDate] })],
);

export const attempts = pgTable(
  'attempts',
  {
    platform: text('platform').notNull(),
    teamId: text('team_id').notNull(),
    channelId: text('channel_id').notNull(),
    userId: text('user_id').notNull(),
    questionId: text('question_id').notNull(),
    localDate: date('local_date', { mode: 'string' }).notNull(),
    isDaily: boolean('is_daily').notNull().default(false),
    writtenAnswer: text('written_answer'),
    revealedAt: at('revealed_at'),
    grade: text('grade'),
    points: integer('points'),
    gradedAt: at('graded_at'),
    cardBefore: jsonb('card_before').$type<ReviewCardState>(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    primaryKey({
      name: 'attempts_pk',
      columns: [t.platform, t.teamId, t.channelId, t.userId, t.questionId, t.localDate],
    }),
    index('attempts_user_idx').on(t.platform, t.teamId, t.userId),
    index('attempts_channel_day_idx').on(t.platform, t.teamId, t.channelId, t.localDate),
  ],
);

/** Pre-aggregated points per user, scope (a channel or '*' for the team) and period. */
export const scores = pgTable(
  'scores',
  {
    platform: text('platform').notNull(),
    teamId: text('team_id').notNull(),
    scopeChannelId: text('scope_channel_id').notNull(),
    period: text('period').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    userId: text('user_id').notNull(),
    points: integer('points').notNull().default(0),
    answered: integer('answered').notNull().default(0),
  },
  (t) => [
    primaryKey({
      name: 'scores_pk',
      columns: [t.platform, t.teamId, t.scopeChannelId, t.period, t.periodStart, t.userId],
    }),
    // The board's exact order (points, then user id): the top ten is an index walk, not a sort.
    index('scores_board_idx').on(
      t.platform,
      t.teamId,
      t.scopeChannelId,
      t.period,
      t.periodStart,
      t.points.desc(),
      t.userId,
    ),
    index('scores_user_idx').on(t.platform, t.teamId, t.userId),
  ],
);

/**
 * For each board (team or channel, period), how many users hold each points
 * total: kept in step with `scores` by the same statement that changes it.
 * A caller's rank is one plus the users above their points, a sum over the
 * few distinct totals above rather than a count over every user above.
 */
export const scoreLevels = pgTable(
  'score_levels',
  {
    platform: text('platform').notNull(),
    teamId: text('team_id').notNull(),
    scopeChannelId: text('scope_channel_id').notNull(),
    period: text('period').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    points: integer('points').notNull(),
    users: integer('users').notNull(),
  },
  (t) => [
    primaryKey({
      name: 'score_levels_pk',
      columns: [t.platform, t.teamId, t.scopeChannelId, t.period, t.periodStart, t.points],
    }),
  ],
);

export const users = pgTable(
  'users',
  {
    platform: text('platform').notNull(),
    teamId: text('team_id').notNull(),
    userId: text('user_id').notNull(),
    displayName: text('display_name'),
    hidden: boolean('hidden').notNull().default(false),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [primaryKey({ name: 'users_pk', columns: [t.platform, t.teamId, t.userId] })],
);

export const reviewCards = pgTable(
  'review_cards',
  {
    platform: text('platform').notNull(),
    teamId: text('team_id').notNull(),
    userId: text('user_id').notNull(),
    questionId: text('question_id').notNull(),
    card: jsonb('card').$type<ReviewCardState>().notNull(),
    due: at('due').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'review_cards_pk', columns: [t.platform, t.teamId, t.userId, t.questionId] }),
    index('review_cards_due_idx').on(t.platform, t.teamId, t.userId, t.due),
  ],
);

/**
 * A team's own packs (issue 14), as the folder's files (path → text) they were imported from. One row per
 * (platform, team, pack id): a re-import replaces the files and bumps `version`, a removal sets
 * `retired_at`. Only the team that imported a pack sees it.
 */
export const teamPacks = pgTable(
  'team_packs',
  {
    platform: text('platform').notNull(),
    teamId: text('team_id').notNull(),
    packId: text('pack_id').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    files: jsonb('files').$type<Record<string, string>>().notNull(),
    importedBy: text('imported_by').notNull(),
    importedAt: at('imported_at').notNull(),
    retiredAt: at('retired_at'),
  },
  (t) => [primaryKey({ name: 'team_packs_pk', columns: [t.platform, t.teamId, t.packId] })],
);
