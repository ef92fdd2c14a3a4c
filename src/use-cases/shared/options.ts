import { DIFFICULTIES } from '../../core/types.js';
import type { OptionSpec } from '../../core/use-case.js';

/** The question filters several use cases share. */
export const topicOption: OptionSpec = {
  name: 'topic',
  kind: 'choice',
  description: 'Only questions of this topic',
  choicesFrom: 'topics',
  autocomplete: 'topics',
  maxLength: 64,
};

export const packOption: OptionSpec = {
  name: 'pack',
  kind: 'choice',
  description: 'Only questions of these packs (pack ids, comma-separated)',
  choicesFrom: 'packs',
  autocomplete: 'packs',
  list: true,
  maxLength: 200,
};

export const difficultyOption: OptionSpec = {
  name: 'difficulty',
  kind: 'choice',
  description: 'Only questions of this difficulty',
  choices: DIFFICULTIES,
};

/** The question a button or form acts on. */
export const questionOption: OptionSpec = {
  name: 'question',
  kind: 'text',
  description: 'Question id',
  required: true,
  maxLength: 64,
};

/** Filters as the bank takes them; an option not given filters nothing. */
export function filterOf(input: { topic?: unknown; difficulty?: unknown; pack?: unknown }) {
  return {
    topic: typeof input.topic === 'string' ? input.topic : null,
    difficulty:
      typeof input.difficulty === 'string' ? (input.difficulty as (typeof DIFFICULTIES)[number]) : null,
    packs: typeof input.pack === 'string' && input.pack ? input.pack.split(',') : null,
  };
}
