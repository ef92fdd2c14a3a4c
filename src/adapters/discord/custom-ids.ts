import { type Grade, isGrade } from '../../core/types.js';

/**
 * Button and modal custom ids carry the whole action, so a click needs no
 * state in memory: `drill:<verb>:<questionId>[:<grade>]`, at most 100 chars.
 */
export type ComponentIntent =
  | { kind: 'reveal'; questionId: string }
  | { kind: 'write'; questionId: string }
  | { kind: 'grade'; questionId: string; grade: Grade }
  | { kind: 'forget-confirm' };

const PREFIX = 'drill';
/** The text input inside the answer modal. */
export const ANSWER_INPUT_ID = 'answer';

export const revealId = (questionId: string) => `${PREFIX}:reveal:${questionId}`;
export const writeId = (questionId: string) => `${PREFIX}:write:${questionId}`;
export const gradeId = (questionId: string, grade: Grade) => `${PREFIX}:grade:${questionId}:${grade}`;
export const FORGET_CONFIRM_ID = `${PREFIX}:forget:confirm`;
/** The modal that *Write my answer* opens; its submission names the question. */
export const answerModalId = (questionId: string) => `${PREFIX}:answer:${questionId}`;

/** A button's custom id as the intent it stands for; null for ids that are not ours. */
export function parseButtonId(customId: string): ComponentIntent | null {
  const [prefix, verb, questionId, extra] = customId.split(':');
  if (prefix !== PREFIX || !verb) return null;
  if (verb === 'forget' && questionId === 'confirm') return { kind: 'forget-confirm' };
  if (!questionId) return null;
  if (verb === 'reveal') return { kind: 'reveal', questionId };
  if (verb === 'write') return { kind: 'write', questionId };
  if (verb === 'grade' && extra && isGrade(extra)) return { kind: 'grade', questionId, grade: extra };
  return null;
}

/** The question id of an answer modal's custom id; null for ids that are not ours. */
export function parseAnswerModalId(customId: string): string | null {
  const [prefix, verb, questionId] = customId.split(':');
  return prefix === PREFIX && verb === 'answer' && questionId ? questionId : null;
}
