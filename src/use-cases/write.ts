import { DrillError } from '../core/errors.js';
import { toSummary } from '../core/question-bank.js';
import type { UseCase } from '../core/use-case.js';
import { attemptKey } from './shared/attempt-key.js';
import { questionOption } from './shared/options.js';
import { questionOf } from './shared/question-of.js';

export const MAX_WRITTEN_ANSWER = 3000;

/** *Write my answer*: kept beside the model answer when it is revealed. */
export const write: UseCase = {
  name: 'write',
  description: 'Write your answer before you see the model answer',
  trigger: 'button',
  options: [questionOption, { name: 'text', kind: 'text', description: 'Your answer', required: true }],
  who: 'anyone',
  where: 'anywhere',
  answerTo: 'caller',
  async run(deps, actor, input) {
    const question = await questionOf(deps, actor, input.question);
    const answer = typeof input.text === 'string' ? input.text.trim() : '';
    if (!answer) throw new DrillError('Your answer is empty; nothing was saved.');
    if (answer.length > MAX_WRITTEN_ANSWER) {
      throw new DrillError(`Your answer is longer than ${MAX_WRITTEN_ANSWER} characters; nothing was saved.`);
    }
    const { key, isDaily } = await attemptKey(deps, actor, question);
    await deps.store.attempts.saveWritten(key, answer, isDaily, deps.clock());
    return { kind: 'answer-saved', question: toSummary(question) };
  },
};
