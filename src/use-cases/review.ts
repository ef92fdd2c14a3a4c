import { DrillError } from '../core/errors.js';
import { toSummary } from '../core/question-bank.js';
import type { UseCase } from '../core/use-case.js';

/** The caller's next due card, or an unseen question when nothing is due. */
export const review: UseCase = {
  name: 'review',
  description: 'Your next spaced-repetition card',
  trigger: 'command',
  options: [],
  who: 'anyone',
  where: 'anywhere',
  answerTo: 'caller',
  async run(deps, actor) {
    const { store, clock } = deps;
    // Review spans every pack the team can use; a removed pack's cards leave the queue with it.
    const bank = await deps.banks.forTeam(actor);
    const due = (await store.reviews.due(actor, clock(), 50)).filter((id) => bank.get(id));
    const [next, ...rest] = due;
    if (next) {
      return {
        kind: 'question',
        context: 'review',
        question: toSummary(bank.get(next)!),
        dueAfter: rest.length,
      };
    }
    const seen = await store.reviews.seenQuestionIds(actor);
    const unseen = bank.all().filter((q) => !seen.has(q.id));
    const pick = unseen[Math.floor(deps.random() * unseen.length)];
    if (!pick)
      throw new DrillError(
        'Nothing is due for review right now, and you have seen every question. Come back later!',
      );
    return { kind: 'question', context: 'review', question: toSummary(pick), dueAfter: 0, unseen: true };
  },
};
