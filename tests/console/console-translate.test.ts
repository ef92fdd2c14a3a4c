import { describe, expect, it } from 'vitest';
import { translateLine } from '../../src/adapters/console/translate.js';

/** The action a line stands for, applied to a question id (actions wait for the current question). */
function actionOf(line: string) {
  const input = translateLine(line);
  if (input.kind !== 'action') throw new Error(`"${line}" is ${input.kind}, not an action`);
  return typeof input.action === 'function' ? input.action('python-001') : input.action;
}

describe('console line translation', () => {
  it('grades with "grade <word>" and with the grade word alone', () => {
    for (const grade of ['nailed', 'partly', 'missed'] as const) {
      expect(actionOf(`grade ${grade}`)).toEqual({ name: 'grade', questionId: 'python-001', grade });
      expect(actionOf(grade)).toEqual({ name: 'grade', questionId: 'python-001', grade });
      expect(actionOf(grade.toUpperCase())).toEqual({ name: 'grade', questionId: 'python-001', grade });
    }
  });

  it('answers an unknown grade with how to grade, not an action', () => {
    expect(translateLine('grade brilliant')).toEqual({
      kind: 'hint',
      text: 'Grade with: grade nailed, grade partly or grade missed',
    });
    expect(translateLine('grade')).toMatchObject({ kind: 'hint' });
  });

  it('keeps the written answer verbatim after the word', () => {
    expect(actionOf('answer  It is a  mutex ')).toEqual({
      name: 'write',
      questionId: 'python-001',
      text: 'It is a  mutex',
    });
    expect(translateLine('answer')).toMatchObject({ kind: 'hint' });
  });

  it('names an unknown word in its hint', () => {
    expect(translateLine('frobnicate now')).toMatchObject({
      kind: 'hint',
      text: expect.stringMatching(/"frobnicate"/),
    });
  });
});
