/** Plain values shared by the core and every adapter. No platform types here. */

import type { Inline, MarkdownDoc } from './markdown-tree.js';

export type Platform = 'slack' | 'discord' | 'console';

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** @deprecated python's topics; per-pack topics live in pack.yml */
export const TOPICS = ['concurrency', 'functions', 'oop', 'memory', 'internals', 'io', 'practices'] as const;
/** A topic slug; each pack lists its own in pack.yml. */
export type Topic = string;

export const GRADES = ['nailed', 'partly', 'missed'] as const;
export type Grade = (typeof GRADES)[number];
/** A word from outside (a button id, a typed line) that names a grade. */
export const isGrade = (word: string): word is Grade => (GRADES as readonly string[]).includes(word);

/** A channel is keyed by platform + team (guild or workspace) + the platform's channel id. */
export interface ChannelRef {
  platform: Platform;
  teamId: string;
  channelId: string;
}

export interface UserRef {
  platform: Platform;
  teamId: string;
  userId: string;
}

/** Who is acting, where. Adapters fill it from the platform event. */
export interface Actor extends ChannelRef {
  userId: string;
  /** Display name to show on boards; stored so boards never need a platform call. */
  userName: string;
  /** Whether the platform says this user may change the channel's schedule. */
  isAdmin: boolean;
  /** False in a direct message: channel-only commands explain themselves instead. */
  inChannel: boolean;
}

export interface Question {
  id: string;
  number: number;
  pack: string;
  title: string;
  topic: Topic;
  difficulty: Difficulty;
  tags: string[];
  /** Two or three sentences, the way a strong candidate would say it. */
  shortAnswer: string;
  answer: string;
  keyPoints: string[];
  /** What a complete, a half and a missing answer sound like. */
  listenFor: { nailed: string; partly: string; missed: string };
  /** Wrong answers interviewers hear (the "Common mistakes" bullets); may be empty. */
  mistakes: string[];
  example?: string;
  /** Each follow-up question with its nested-bullet answer, or null when the file gives none. */
  followUps: { question: string; answer: string | null }[];
  /** The Markdown fields above, parsed once at load; adapters render these, never the strings. */
  parsed: ParsedSections;
}

/** What a reveal shows of a question, parsed: sections as blocks, bullets as inline Markdown. */
export interface ParsedSections {
  shortAnswer: MarkdownDoc;
  answer: MarkdownDoc;
  keyPoints: Inline[][];
  listenFor: Record<Grade, Inline[]>;
  mistakes: Inline[][];
  example: MarkdownDoc | null;
  followUps: { question: Inline[]; answer: Inline[] | null }[];
}

/** A pack folder's pack.yml, plus its folder name as id. */
export interface Pack {
  id: string;
  name: string;
  description: string;
  /** Semver, bumped when questions change. */
  version: string;
  /** An SPDX licence id. */
  license: string;
  /** An http(s) URL of where the text comes from, or 'original'. */
  source: string;
  /** Shown with the questions when the licence asks for it (required for CC-BY*). */
  attribution?: string;
  /** The pack's topic slugs; every question's topic is one of them. */
  topics: string[];
}

export type Clock = () => Date;
