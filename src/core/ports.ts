/**
 * What the core needs from storage. src/store implements it with drizzle on
 * Postgres or PGlite; the core never sees SQL or a driver.
 */
import type { Period } from '../rules/periods.js';
import type { ReviewCardState } from '../rules/review-cards.js';
import type { ScheduleRule } from '../rules/schedule-rules.js';
import type { TeamRef } from './team-banks.js';
import type { ChannelRef, Grade, UserRef } from './types.js';

export interface ChannelRecord extends ChannelRef, ScheduleRule {
  enabled: boolean;
  nextRunAt: Date | null;
  disabledReason: string | null;
}

/** Where a page of due channels ended. */
export interface DueCursor extends ChannelRef {
  nextRunAt: Date;
}

export interface ChannelStore {
  get(ref: ChannelRef): Promise<ChannelRecord | undefined>;
  /** Creates or replaces the channel's schedule and turns it on. */
  saveSchedule(ref: ChannelRef, rule: ScheduleRule, nextRunAt: Date, now: Date): Promise<void>;
  /** Turns posting off; false when there was no schedule. */
  turnOff(ref: ChannelRef, reason: string, now: Date): Promise<boolean>;
  /**
   * Enabled channels whose next run is at or before `now`, in (next run,
   * platform, team, channel) order; `after` continues from a channel a
   * previous page ended on, so a tick can read them a page at a time.
   */
  listDue(now: Date, limit: number, after?: DueCursor): Promise<ChannelRecord[]>;
  /** Moves each channel's next run on, only where no other replica moved it first. */
  advanceMany(moves: readonly { ref: ChannelRef; from: Date; to: Date }[]): Promise<void>;
}

export type DailyPostStatus = 'picked' | 'claimed' | 'sent' | 'skipped' | 'failed';

export interface DailyPostRecord extends ChannelRef {
  localDate: string;
  questionId: string;
  status: DailyPostStatus;
  claimedAt: Date | null;
  sentAt: Date | null;
  messageId: string | null;
}

/** One channel's day: the key of a daily post. */
export interface ChannelDay {
  ref: ChannelRef;
  localDate: string;
}

/**
 * Daily posts, in batches: the scheduler handles thousands of channels per
 * tick, so each step is one query for many channels, not one per channel.
 */
export interface DailyPostStore {
  get(ref: ChannelRef, localDate: string): Promise<DailyPostRecord | undefined>;
  getMany(days: readonly ChannelDay[]): Promise<DailyPostRecord[]>;
  /** How often each question has been each channel's daily question. */
  postedCountsMany(
    refs: readonly ChannelRef[],
  ): Promise<{ ref: ChannelRef; questionId: string; count: number }[]>;
  /** Records each day's pick unless the day already has one (another replica's pick wins). */
  ensureMany(picks: readonly (ChannelDay & { questionId: string })[], now: Date): Promise<void>;
  /** For each channel-day, the channel's latest daily post strictly before it. */
  previousMany(days: readonly ChannelDay[]): Promise<DailyPostRecord[]>;
  /**
   * Claims the right to send each day's post: 'picked' becomes 'claimed', or a
   * claim older than the lease is taken over. Returns only the days this call
   * won; the others are held by another replica or already settled.
   */
  claimMany(days: readonly ChannelDay[], now: Date, leaseMs: number): Promise<DailyPostRecord[]>;
  /** Marks sent posts, with the platform's message id where it gave one. */
  markSentMany(sent: readonly (ChannelDay & { messageId: string | null })[], now: Date): Promise<void>;
  /** Gives a claim back (the post failed for now) so a later tick can try again. */
  release(ref: ChannelRef, localDate: string): Promise<void>;
  /** Settles a day without a post: the channel is gone. */
  markFailed(ref: ChannelRef, localDate: string): Promise<void>;
}

export interface AttemptKey extends ChannelRef {
  userId: string;
  questionId: string;
  localDate: string;
}

export interface AttemptRecord extends AttemptKey {
  isDaily: boolean;
  writtenAnswer: string | null;
  revealedAt: Date | null;
  grade: Grade | null;
  points: number | null;
  gradedAt: Date | null;
  /** The user's review card before this attempt's first grade, so a regrade replays from it. */
  cardBefore: ReviewCardState | null;
}

export interface DayTally {
  ref: ChannelRef;
  localDate: string;
  userId: string;
  grade: Grade;
  displayName: string | null;
  hidden: boolean;
}

export interface GradeCount {
  questionId: string;
  grade: Grade;
  count: number;
}

export interface AttemptStore {
  get(key: AttemptKey): Promise<AttemptRecord | undefined>;
  saveWritten(key: AttemptKey, text: string, isDaily: boolean, now: Date): Promise<void>;
  /** Records the first reveal (later reveals keep the first time). */
  reveal(key: AttemptKey, isDaily: boolean, now: Date): Promise<AttemptRecord>;
  /** Reads the attempt and locks it until the transaction ends. */
  lockForGrade(key: AttemptKey): Promise<AttemptRecord | undefined>;
  saveGrade(
    key: AttemptKey,
    grade: Grade,
    points: number,
    cardBefore: ReviewCardState | null,
    now: Date,
  ): Promise<void>;
  /** Local dates on which the user graded the channel's daily question, newest first. */
  gradedDailyDates(ref: ChannelRef, userId: string, limit: number): Promise<string[]>;
  /** Grades given on each channel's daily question of a local date, oldest first, with names for the recap. */
  dailyTallyMany(days: readonly ChannelDay[]): Promise<DayTally[]>;
  /** Grades in a channel between two local dates (inclusive), by question. */
  channelGradeCounts(ref: ChannelRef, fromDate: string, toDate: string): Promise<GradeCount[]>;
  /** A user's grades across the team, by question. */
  userGradeCounts(user: UserRef): Promise<GradeCount[]>;
  /** All attempts (graded or not) by the user across the team. */
  userAttemptCount(user: UserRef): Promise<number>;
}

/** '*' as the scope channel means the whole team (server or workspace). */
export const TEAM_SCOPE = '*';

export interface ScoreBucket {
  scopeChannelId: string;
  period: Period;
  periodStart: string;
}

export interface ScoreRow {
  userId: string;
  points: number;
  answered: number;
  displayName: string | null;
  hidden: boolean;
}

export interface ScoreStore {
  /** Adds to the pre-aggregated rows, creating them on first use. */
  add(user: UserRef, buckets: readonly ScoreBucket[], points: number, answered: number): Promise<void>;
  top(team: Omit<UserRef, 'userId'>, bucket: ScoreBucket, limit: number): Promise<ScoreRow[]>;
  get(user: UserRef, bucket: ScoreBucket): Promise<ScoreRow | undefined>;
  /** A board in one round trip: the top rows, and the caller's row with how many people have more points. */
  board(
    team: Omit<UserRef, 'userId'>,
    bucket: ScoreBucket,
    limit: number,
    callerId: string,
  ): Promise<{ top: ScoreRow[]; caller: (ScoreRow & { above: number }) | null }>;
  /**
   * Where a user stands, in one round trip: their points on `total`, and on
   * `ranked` their points with how many people have more (null before their
   * first grade there).
   */
  standing(
    user: UserRef,
    total: ScoreBucket,
    ranked: ScoreBucket,
  ): Promise<{ totalPoints: number; ranked: { points: number; above: number } | null }>;
}

export interface UserRecord extends UserRef {
  displayName: string | null;
  hidden: boolean;
}

export interface UserStore {
  get(user: UserRef): Promise<UserRecord | undefined>;
  /** Keeps the name boards show; a no-op when unchanged. */
  touch(user: UserRef, displayName: string, now: Date): Promise<void>;
  setHidden(user: UserRef, hidden: boolean, now: Date): Promise<void>;
  /** Deletes every row about the user, in every table. */
  forget(user: UserRef): Promise<void>;
}

export interface ReviewStore {
  get(user: UserRef, questionId: string): Promise<ReviewCardState | undefined>;
  save(user: UserRef, questionId: string, card: ReviewCardState, now: Date): Promise<void>;
  /** Question ids whose card is due at `now`, most overdue first. */
  due(user: UserRef, now: Date, limit: number): Promise<string[]>;
  dueCount(user: UserRef, now: Date): Promise<number>;
  seenQuestionIds(user: UserRef): Promise<Set<string>>;
}

/** A team's own pack as stored: its folder's files (relative path → text). */
export interface TeamPackRecord {
  packId: string;
  /** Bumped by each import that changes the files; 1 for the first. */
  version: number;
  name: string;
  files: Readonly<Record<string, string>>;
  importedBy: string;
  importedAt: Date;
  /** Set by `/drill pack remove`; a retired pack is out of the team's bank and kept for its history. */
  retiredAt: Date | null;
}

/** The (pack id, version) pairs of a team's live packs: what a cached bank was built from. */
export interface TeamPackVersion {
  packId: string;
  version: number;
}

export interface TeamPackStore {
  /** One indexed read: the team's live packs and their versions, in pack id order. */
  versions(team: TeamRef): Promise<TeamPackVersion[]>;
  /** The team's live packs, in pack id order. */
  live(team: TeamRef): Promise<TeamPackRecord[]>;
  /** The team's pack with this id, live or retired. */
  get(team: TeamRef, packId: string): Promise<TeamPackRecord | undefined>;
  /**
   * Stores an import: a new pack at version 1, or the next version of an existing one. Idempotent:
   * the same files again on a live pack change nothing (a double click, a retry). Returns the live record.
   */
  save(
    team: TeamRef,
    pack: { packId: string; name: string; files: Readonly<Record<string, string>>; importedBy: string },
    now: Date,
  ): Promise<TeamPackRecord>;
  /** Retires a live pack; false when there was none (already removed, or never imported). */
  retire(team: TeamRef, packId: string, now: Date): Promise<boolean>;
}

export interface Store {
  channels: ChannelStore;
  dailyPosts: DailyPostStore;
  attempts: AttemptStore;
  scores: ScoreStore;
  users: UserStore;
  reviews: ReviewStore;
  teamPacks: TeamPackStore;
  /** Runs fn atomically; the store it receives writes inside the transaction. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
}
