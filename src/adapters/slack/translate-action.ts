import type { DrillAction } from '../../core/command.js';
import type { Grade } from '../../core/types.js';
import { FORGET_CONFIRM_ACTION, GRADE_ACTION_PATTERN, REVEAL_ACTION } from './action-ids.js';

/** Question ids are slugs; anything else in a button value is not ours. */
const QUESTION_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export const isQuestionId = (value: unknown): value is string =>
  typeof value === 'string' && QUESTION_ID.test(value);

/** A clicked button (action_id + value) as the core action it stands for, or null if it is not one of ours. */
export function translateButton(actionId: string, value: string | undefined): DrillAction | null {
  if (actionId === FORGET_CONFIRM_ACTION) return { name: 'forget-confirm' };
  if (!isQuestionId(value)) return null;
  if (actionId === REVEAL_ACTION) return { name: 'reveal', questionId: value };
  const grade = GRADE_ACTION_PATTERN.exec(actionId)?.[1] as Grade | undefined;
  return grade ? { name: 'grade', questionId: value, grade } : null;
}

/** What the write modal carries from the click to the submission. */
export interface WriteModalMetadata {
  questionId: string;
  channelId: string;
}

export function encodeWriteModalMetadata(meta: WriteModalMetadata): string {
  return JSON.stringify({ q: meta.questionId, c: meta.channelId });
}

export function decodeWriteModalMetadata(raw: string): WriteModalMetadata | null {
  try {
    const value = JSON.parse(raw) as { q?: unknown; c?: unknown };
    if (!isQuestionId(value.q) || typeof value.c !== 'string' || !/^[A-Z0-9]{1,40}$/.test(value.c))
      return null;
    return { questionId: value.q, channelId: value.c };
  } catch {
    return null;
  }
}
