import { type Grade, isGrade } from '../../core/types.js';

/**
 * Button and modal custom ids carry the whole action, so a click needs no
 * state in memory: `drill:<verb>:<questionId>[:<grade>]`, at most 100 chars.
 */
export type ComponentIntent =
  | { kind: 'reveal'; questionId: string }
  | { kind: 'write'; questionId: string }
  | { kind: 'grade'; questionId: string; grade: Grade }
  | { kind: 'confirm'; useCase: string };

const PREFIX = 'drill';
/** The text input inside the answer modal. */
export const ANSWER_INPUT_ID = 'answer';
/** Use-case names a confirm button may carry: words and dashes. */
const USE_CASE_NAME = /^[a-z][a-z -]{0,40}$/;

export const revealId = (questionId: string) => `${PREFIX}:reveal:${questionId}`;
export const writeId = (questionId: string) => `${PREFIX}:write:${questionId}`;
export const gradeId = (questionId: string, grade: Grade) => `${PREFIX}:grade:${questionId}:${grade}`;
/** The confirm button of a use case that asks first. */
export const confirmId = (useCase: string) => `${PREFIX}:confirm:${useCase}`;
/** The modal that *Write my answer* opens; its submission names the question. */
export const answerModalId = (questionId: string) => `${PREFIX}:answer:${questionId}`;

/** A button's custom id as the intent it stands for; null for ids that are not ours. */
export function parseButtonId(customId: string): ComponentIntent | null {
  const [prefix, verb, target, extra] = customId.split(':');
  if (prefix !== PREFIX || !verb || !target) return null;
  if (verb === 'confirm') return USE_CASE_NAME.test(target) ? { kind: 'confirm', useCase: target } : null;
  if (verb === 'reveal') return { kind: 'reveal', questionId: target };
  if (verb === 'write') return { kind: 'write', questionId: target };
  if (verb === 'grade' && extra && isGrade(extra)) return { kind: 'grade', questionId: target, grade: extra };
  return null;
}

/** The question id of an answer modal's custom id; null for ids that are not ours. */
export function parseAnswerModalId(customId: string): string | null {
  const [prefix, verb, questionId] = customId.split(':');
  return prefix === PREFIX && verb === 'answer' && questionId ? questionId : null;
}
