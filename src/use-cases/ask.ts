import { DrillError } from '../core/errors.js';
import { MAX_QUERY, toSummary } from '../core/question-bank.js';
import type { UseCase } from '../core/use-case.js';
import { difficultyOption, filterOf, packOption, topicOption } from './shared/options.js';

/** A question by id, number or words, or a random one; filters narrow both. */
export const ask: UseCase = {
  name: 'ask',
  description: 'A question by id, number or words; random without a query',
  trigger: 'command',
  options: [
    {
      name: 'query',
      kind: 'text',
      description: 'Question id, number or words',
      positional: 'rest',
      autocomplete: 'question',
      maxLength: MAX_QUERY,
    },
    topicOption,
    difficultyOption,
    packOption,
  ],
  who: 'anyone',
  where: 'anywhere',
  answerTo: 'channel',
  async run(deps, actor, input) {
    const filter = filterOf(input);
    const query = typeof input.query === 'string' ? input.query : '';
    const bank = await deps.banks.forTeam(actor);
    const question = query ? bank.lookup(query, filter, 1)[0] : bank.random(filter, deps.random);
    if (!question) {
      throw new DrillError(
        query
          ? `No question matches "${query}". Try /drill topics, or a number like /drill ask 12.`
          : 'No question matches those filters. Try /drill topics.',
      );
    }
    return { kind: 'question', context: 'ask', question: toSummary(question) };
  },
};
