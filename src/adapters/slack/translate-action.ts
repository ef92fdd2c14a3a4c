import { isGrade } from '../../core/types.js';
import { CONFIRM_ACTION, GRADE_ACTION_PATTERN, REVEAL_ACTION } from './action-ids.js';

/** Question ids are slugs; anything else in a button value is not ours. */
const QUESTION_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** Use-case names a confirm button may carry: words and dashes. */
const USE_CASE_NAME = /^[a-z][a-z -]{0,40}$/;

export const isQuestionId = (value: unknown): value is string =>
  typeof value === 'string' && QUESTION_ID.test(value);

/** A use case a button stands for, with its raw options; the engine checks them. */
export interface ButtonCall {
  name: string;
  input: Record<string, string>;
  confirmed?: boolean;
}

/** A clicked button (action_id + value) as the use case it stands for, or null if it is not one of ours. */
export function translateButton(actionId: string, value: string | undefined): ButtonCall | null {
  if (actionId === CONFIRM_ACTION) {
    return value && USE_CASE_NAME.test(value) ? { name: value, input: {}, confirmed: true } : null;
  }
  if (!isQuestionId(value)) return null;
  if (actionId === REVEAL_ACTION) return { name: 'reveal', input: { question: value } };
  const grade = GRADE_ACTION_PATTERN.exec(actionId)?.[1];
  return grade && isGrade(grade) ? { name: 'grade', input: { question: value, grade } } : null;
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
