import { toSummary } from '../core/question-bank.js';
import type { Grade, Question } from '../core/types.js';
import type { UseCase } from '../core/use-case.js';
import type { RevealView } from '../core/views.js';
import { attemptKey } from './shared/attempt-key.js';
import { questionOption } from './shared/options.js';
import { questionOf } from './shared/question-of.js';

/** *Show answer*: the model answer beside what the caller wrote; grading needs this first. */
export const reveal: UseCase = {
  name: 'reveal',
  description: 'Show the model answer and its key points',
  trigger: 'button',
  options: [questionOption],
  who: 'anyone',
  where: 'anywhere',
  answerTo: 'caller',
  async run(deps, actor, input) {
    const question = await questionOf(deps, actor, input.question);
    const { key, isDaily } = await attemptKey(deps, actor, question);
    const attempt = await deps.store.attempts.reveal(key, isDaily, deps.clock());
    return revealView(question, attempt.writtenAnswer, attempt.grade);
  },
};

/** Everything the reveal shows of a question, beside what the caller wrote and graded. */
export function revealView(
  question: Question,
  writtenAnswer: string | null,
  currentGrade: Grade | null,
): RevealView {
  return {
    kind: 'reveal',
    question: toSummary(question),
    parsed: question.parsed,
    writtenAnswer,
    currentGrade,
  };
}
