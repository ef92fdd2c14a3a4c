import { describe, expect, it } from 'vitest';
import { translateLine } from '../../src/adapters/console/translate.js';
import { USE_CASES } from '../../src/use-cases/table.js';

const line = (text: string) => translateLine(text, USE_CASES);

/** The call a line stands for. */
function callOf(text: string) {
  const input = line(text);
  if (input.kind !== 'call') throw new Error(`"${text}" is ${input.kind}, not a call`);
  return input.call;
}

describe('console line translation', () => {
  it('grades the question on screen with "grade <word>" and with the grade word alone', () => {
    for (const grade of ['nailed', 'partly', 'missed'] as const) {
      const expected = { name: 'grade', input: { grade }, onCurrentQuestion: true };
      expect(callOf(`grade ${grade}`)).toEqual(expected);
      expect(callOf(grade)).toEqual(expected);
      expect(callOf(grade.toUpperCase())).toEqual(expected);
    }
  });

  it('answers an unknown grade with how to grade, not a call', () => {
    expect(line('grade brilliant')).toEqual({
      kind: 'hint',
      text: 'Grade with: grade nailed, grade partly or grade missed',
    });
    expect(line('grade')).toMatchObject({ kind: 'hint' });
  });

  it('keeps the written answer verbatim after the word', () => {
    expect(callOf('answer  It is a  mutex ')).toEqual({
      name: 'write',
      input: { text: 'It is a  mutex' },
      onCurrentQuestion: true,
    });
    expect(line('answer')).toMatchObject({ kind: 'hint' });
  });

  it('reads /drill commands from the use-case table, with or without /drill', () => {
    expect(callOf('/drill ask gil')).toEqual({ name: 'ask', input: { query: 'gil' } });
    expect(callOf('leaderboard month server')).toEqual({
      name: 'leaderboard',
      input: { period: 'month', scope: 'server' },
    });
    expect(callOf('stats @alice')).toEqual({ name: 'stats', input: { user: 'alice' } });
  });

  it('confirms the last prompt with the word confirm', () => {
    expect(line('confirm')).toEqual({ kind: 'confirm' });
  });

  it('names an unknown word in its hint', () => {
    expect(line('frobnicate now')).toMatchObject({
      kind: 'hint',
      text: expect.stringMatching(/"frobnicate"/),
    });
  });
});
