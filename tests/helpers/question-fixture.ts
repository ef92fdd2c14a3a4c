import { withParsedSections } from '../../src/content/markdown.js';
import type { Pack, Question } from '../../src/core/types.js';

/** A complete question with plain filler; tests set what they care about. */
export function makeQuestion(
  fields: Partial<Omit<Question, 'parsed'>> & Pick<Question, 'id' | 'number'>,
): Question {
  return withParsedSections({
    pack: 'test',
    title: `Question ${fields.id}`,
    topic: 'oop',
    difficulty: 'easy',
    tags: [],
    shortAnswer: `Short answer ${fields.id}.`,
    answer: `Answer ${fields.id}`,
    keyPoints: ['a', 'b', 'c'],
    listenFor: { nailed: 'all of it', partly: 'some of it', missed: 'none of it' },
    mistakes: [],
    followUps: [],
    ...fields,
  });
}

/** A pack's metadata with plain filler. */
export function makePack(fields: Partial<Pack> & Pick<Pack, 'id'>): Pack {
  return {
    name: fields.id,
    description: `${fields.id} pack`,
    version: '1.0.0',
    license: 'CC-BY-4.0',
    source: 'original',
    attribution: 'Interview Drill contributors',
    topics: [],
    ...fields,
  };
}
