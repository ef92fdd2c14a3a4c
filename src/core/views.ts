/**
 * What the core returns: plain data that each adapter renders for its
 * platform. Nothing here knows about Block Kit, embeds or terminals.
 */
import type { Period } from '../rules/periods.js';
import type { Difficulty, Grade, ParsedSections, Question, Topic } from './types.js';

export type QuestionSummary = Pick<
  Question,
  'id' | 'number' | 'pack' | 'title' | 'topic' | 'difficulty' | 'tags'
>;

/** Yesterday's line on a daily post: how the channel did on the previous daily question. */
export interface RecapView {
  localDate: string;
  question: QuestionSummary | null;
  answered: number;
  grades: Record<Grade, number>;
  /** Names of the people with the day's best grade (anonymous where hidden). */
  best: string[];
}

/** Monday's extra: last week's board and the group's weakest topics. */
export interface WeeklyRecapView {
  weekStart: string;
  board: BoardRow[];
  weakestTopics: { topic: Topic; accuracy: number; attempts: number }[];
}

export interface QuestionCardView {
  kind: 'question';
  /** Why it is shown: the channel's daily post, a lookup, or a review. */
  context: 'daily' | 'ask' | 'review';
  question: QuestionSummary;
  localDate?: string;
  recap?: RecapView | null;
  weekly?: WeeklyRecapView | null;
  /** For reviews: how many more cards are due after this one. */
  dueAfter?: number;
  /** For reviews: true when the card was never seen (no due cards left). */
  unseen?: boolean;
}

export interface QuestionListView {
  kind: 'question-list';
  query: string;
  matches: QuestionSummary[];
}

export interface RevealView {
  kind: 'reveal';
  question: QuestionSummary;
  /**
   * The short answer, answer, key points, what interviewers listen for (what separates Nailed it
   * from Partly from Missed, shown beside the grade buttons), mistakes, example and follow-ups.
   */
  parsed: ParsedSections;
  writtenAnswer: string | null;
  currentGrade: Grade | null;
}

export interface AnswerSavedView {
  kind: 'answer-saved';
  question: QuestionSummary;
}

export interface GradeResultView {
  kind: 'graded';
  question: QuestionSummary;
  grade: Grade;
  points: number;
  /** True when this replaced an earlier grade (which then no longer counts). */
  replaced: boolean;
  totalPoints: number;
  streak: number;
  weekRank: number | null;
}

export interface BoardRow {
  rank: number;
  name: string;
  points: number;
  answered: number;
  isCaller: boolean;
}

export interface BoardView {
  kind: 'board';
  period: Period;
  scope: 'channel' | 'server';
  periodStart: string;
  rows: BoardRow[];
  /** The caller's own row when it is not among rows. */
  caller: BoardRow | null;
}

export interface StatsView {
  kind: 'stats';
  name: string;
  isCaller: boolean;
  totalPoints: number;
  weekPoints: number;
  streak: number;
  attempts: number;
  graded: number;
  grades: Record<Grade, number>;
  byTopic: { topic: Topic; attempts: number; accuracy: number }[];
  reviewsDue: number;
}

export interface TopicsView {
  kind: 'topics';
  packs: {
    id: string;
    name: string;
    description: string;
    total: number;
    topics: { topic: Topic; count: number }[];
  }[];
}

/** `/drill packs`: the packs this team can use. */
export interface PacksView {
  kind: 'packs';
  packs: {
    id: string;
    name: string;
    total: number;
    topics: Topic[];
    license: string;
    /** Shipped with the bot and shared by every team, or this team's own import. */
    origin: 'bundled' | 'team';
  }[];
}

export interface ScheduleView {
  kind: 'schedule';
  schedule: {
    time: string;
    timezone: string;
    days: string;
    topic: Topic | null;
    difficulty: Difficulty | null;
    /** The packs the daily question is drawn from; null: every pack the team can use. */
    packs: string[] | null;
    enabled: boolean;
    /** The next post in the channel's zone, like "Tue 2026-11-24 09:00 Europe/Berlin". */
    nextPost: string | null;
    disabledReason: string | null;
  } | null;
  changed: 'set' | 'off' | null;
}

/** A use case that asks first: its prompt and the button that confirms it. */
export interface ConfirmView {
  kind: 'confirm';
  useCase: string;
  prompt: string;
  button: string;
}

export interface HelpView {
  kind: 'help';
  commands: { usage: string; description: string }[];
}

export interface NoticeView {
  kind: 'notice';
  tone: 'info' | 'success' | 'error';
  text: string;
}

export type View =
  | QuestionCardView
  | QuestionListView
  | RevealView
  | AnswerSavedView
  | GradeResultView
  | BoardView
  | StatsView
  | TopicsView
  | PacksView
  | ScheduleView
  | ConfirmView
  | HelpView
  | NoticeView;
