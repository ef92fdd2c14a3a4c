import { describe, expect, it } from 'vitest';
import { EMBED_LIMITS, embedSize } from '../../src/adapters/discord/message-layout.js';
import { renderView } from '../../src/adapters/discord/render-view.js';
import { splitText } from '../../src/adapters/discord/text-split.js';
import { parseSections } from '../../src/content/markdown.js';
import type { BoardView, RevealView } from '../../src/core/views.js';
import { seededRandom } from '../helpers/engine-fixture.js';

const words = (text: string) => text.split(/\s+/).filter((w) => w && !w.startsWith('```'));

function prose(wordCount: number, seed = 7): string {
  const random = seededRandom(seed);
  const vocabulary = ['interpreter', 'lock', 'thread', 'reference', 'counting', 'bytecode', 'I/O', 'GIL'];
  const out: string[] = [];
  for (let i = 0; i < wordCount; i++) {
    out.push(vocabulary[Math.floor(random() * vocabulary.length)]!);
    const breakChance = random();
    if (breakChance < 0.05) out.push('\n\n');
    else if (breakChance < 0.1) out.push('\n');
  }
  return out.join(' ').replace(/ ?\n ?/g, '\n');
}

describe('splitText', () => {
  it('keeps every chunk under the limit and never cuts a word', () => {
    const text = prose(3000);
    const chunks = splitText(text, 1024);
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(1024);
    expect(chunks.flatMap(words)).toEqual(words(text));
  });

  it('closes a code block at a cut and reopens it with its language', () => {
    const code = Array.from({ length: 200 }, (_, i) => `    value_${i} = compute(${i})`).join('\n');
    const text = `Before.\n\n\`\`\`python\n${code}\n\`\`\`\n\nAfter.`;
    const chunks = splitText(text, 1000);
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(1000);
      expect((chunk.match(/```/g) ?? []).length % 2).toBe(0);
    }
    expect(chunks[1]!.startsWith('```python\n')).toBe(true);
    // Indentation inside the code survives the cut.
    expect(chunks[1]!.split('\n')[1]).toMatch(/^ {4}value_\d+/);
  });

  it('cuts a single word longer than a chunk rather than loop', () => {
    const url = `https://example.com/${'a'.repeat(300)}`;
    const chunks = splitText(`see ${url} here`, 100);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(100);
    expect(chunks.join('').replace(/\s/g, '')).toBe(`see${url}here`);
  });
});

describe('renderView limits', () => {
  const question = {
    id: 'gil',
    number: 1,
    pack: 'python',
    title: 'What is the Global Interpreter Lock (GIL)?',
    topic: 'concurrency' as const,
    difficulty: 'easy' as const,
    tags: [],
  };

  it('splits a very long reveal over embeds and messages within every Discord limit', () => {
    const shortAnswer = prose(60, 7);
    const answer = prose(4000, 1);
    const view: RevealView = {
      kind: 'reveal',
      question,
      parsed: parseSections({
        ...question,
        shortAnswer,
        answer,
        keyPoints: Array.from({ length: 40 }, (_, i) => `Key point number ${i} ${prose(20, i)}`),
        listenFor: { nailed: prose(80, 4), partly: prose(80, 5), missed: prose(80, 6) },
        mistakes: [prose(50, 8), prose(50, 9)],
        example: `\`\`\`python\n${Array.from({ length: 300 }, (_, i) => `print(${i})`).join('\n')}\n\`\`\``,
        followUps: [
          { question: 'Why?', answer: prose(30, 10) },
          { question: 'How?', answer: null },
        ],
      }),
      writtenAnswer: prose(600, 3),
      currentGrade: null,
    };
    const messages = renderView(view);
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      expect(message.embeds.length).toBeLessThanOrEqual(EMBED_LIMITS.embedsPerMessage);
      const total = message.embeds.reduce((sum, e) => sum + embedSize(e), 0);
      expect(total).toBeLessThanOrEqual(EMBED_LIMITS.messageTotal);
      for (const embed of message.embeds) {
        expect(embed.description?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.description);
        expect(embed.title?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.title);
        for (const field of embed.fields ?? [])
          expect(field.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue);
      }
    }
    // Nothing lost, nothing cut mid-word: the answer's words arrive in order.
    const descriptions = messages.flatMap((m) => m.embeds).map((e) => e.description ?? '');
    // The short answer comes first, then the answer's chunks up to the key points.
    expect(words(descriptions[0]!)).toEqual(['**Short', 'answer.**', ...words(shortAnswer)]);
    const answerChunks = descriptions.slice(
      1,
      descriptions.findIndex((d) => d.startsWith('• Key point')),
    );
    expect(answerChunks.flatMap(words)).toEqual(words(answer));
    // The grade buttons come after everything they grade.
    expect(
      messages.at(-1)!.components[0]!.components.map((b) => ('custom_id' in b ? b.custom_id : '')),
    ).toEqual(['drill:grade:gil:nailed', 'drill:grade:gil:partly', 'drill:grade:gil:missed']);
    for (const message of messages.slice(0, -1)) expect(message.components).toEqual([]);
  });

  it('shows names on boards as text: markdown escaped, medals for the top three', () => {
    const view: BoardView = {
      kind: 'board',
      period: 'week',
      scope: 'server',
      periodStart: '2026-03-02',
      rows: [
        { rank: 1, name: '**bold**', points: 9, answered: 3, isCaller: false },
        { rank: 1, name: 'ada', points: 9, answered: 3, isCaller: true },
        { rank: 3, name: 'anonymous', points: 3, answered: 1, isCaller: false },
        { rank: 4, name: '_x_', points: 1, answered: 1, isCaller: false },
      ],
      caller: null,
    };
    const [message] = renderView(view);
    const lines = message!.embeds[0]!.description!.split('\n');
    expect(lines[0]).toBe('🥇 \\*\\*bold\\*\\* — **9** pts · 3 answered');
    expect(lines[1]).toBe('**→** 🥇 ada — **9** pts · 3 answered *(you)*');
    expect(lines[2]).toBe('🥉 anonymous — **3** pts · 1 answered');
    expect(lines[3]).toBe('` 4.` \\_x\\_ — **1** pts · 1 answered');
  });
});
