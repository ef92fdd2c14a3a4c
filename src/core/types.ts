/** Plain values shared by the core and every adapter. No platform types here. */

export type Platform = 'slack' | 'discord' | 'console';

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export const TOPICS = ['concurrency', 'functions', 'oop', 'memory', 'internals', 'io', 'practices'] as const;
export type Topic = (typeof TOPICS)[number];

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
  answer: string;
  keyPoints: string[];
  example?: string;
  followUps: string[];
}

export interface Pack {
  id: string;
  name: string;
  description: string;
}

export type Clock = () => Date;
