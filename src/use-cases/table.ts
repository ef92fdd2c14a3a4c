/**
 * Every user intent, in the order help lists them. The engine dispatches over
 * this list and every adapter reads it; a new command is a new file here.
 */
import type { UseCase } from '../core/use-case.js';
import { ask } from './ask.js';
import { forgetMe } from './forget-me.js';
import { grade } from './grade.js';
import { help } from './help.js';
import { leaderboard } from './leaderboard.js';
import { packs } from './packs.js';
import { privacy } from './privacy.js';
import { reveal } from './reveal.js';
import { review } from './review.js';
import { scheduleOff } from './schedule-off.js';
import { scheduleSet } from './schedule-set.js';
import { scheduleShow } from './schedule-show.js';
import { stats } from './stats.js';
import { today } from './today.js';
import { topics } from './topics.js';
import { write } from './write.js';

export const USE_CASES: readonly UseCase[] = [
  ask,
  today,
  topics,
  packs,
  leaderboard,
  stats,
  review,
  scheduleSet,
  scheduleShow,
  scheduleOff,
  privacy,
  forgetMe,
  help(() => USE_CASES),
  reveal,
  write,
  grade,
];
