import { isGrade } from '../../core/types.js';
import type { UseCase } from '../../core/use-case.js';
import { parseCommandText } from '../text/parse-command-text.js';

/** A use case a console line stands for; `question` is filled from the question on screen when it needs one. */
export interface ConsoleCall {
  name: string;
  input: Record<string, string>;
  /** The line acts on the question on screen (answer, reveal, grade). */
  onCurrentQuestion?: boolean;
  confirmed?: boolean;
}

/** One console line as the core call it stands for. */
export type ConsoleInput =
  | { kind: 'call'; call: ConsoleCall }
  | { kind: 'confirm' }
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'empty' }
  | { kind: 'hint'; text: string };

export const CONSOLE_HINT =
  'Try: /drill today, /drill ask gil, answer <text>, reveal, grade nailed|partly|missed, help, quit.';

/**
 * The console's own words stand for the buttons other platforms show:
 * answer/reveal/grade act on the question on screen, confirm on the last prompt.
 */
export function translateLine(line: string, table: readonly UseCase[]): ConsoleInput {
  const text = line.trim();
  if (!text || text.startsWith('#')) return { kind: 'empty' };
  const [head = '', ...rest] = text.split(/\s+/);
  const word = head.toLowerCase();
  if (word === 'quit' || word === 'exit') return { kind: 'quit' };
  if (word === 'help' || word === '?') return { kind: 'help' };
  if (word === 'confirm') return { kind: 'confirm' };
  if (word === 'answer' || word === 'write') {
    const answer = text.slice(head.length).trim();
    if (!answer) return { kind: 'hint', text: 'Type your answer after the word: answer <text>' };
    return { kind: 'call', call: { name: 'write', input: { text: answer }, onCurrentQuestion: true } };
  }
  if (word === 'reveal' || word === 'show') {
    return { kind: 'call', call: { name: 'reveal', input: {}, onCurrentQuestion: true } };
  }
  // "nailed" alone grades too: the words the reveal offers are easy to type without "grade" first.
  if (word === 'grade' || isGrade(word)) {
    const grade = word === 'grade' ? (rest[0] ?? '').toLowerCase() : word;
    if (!isGrade(grade))
      return { kind: 'hint', text: 'Grade with: grade nailed, grade partly or grade missed' };
    return { kind: 'call', call: { name: 'grade', input: { grade }, onCurrentQuestion: true } };
  }
  const parsed = parseCommandText(word === '/drill' || word === 'drill' ? rest.join(' ') : text, table, {
    userId: (w) => w.replace(/^@/, ''),
  });
  if (parsed.kind === 'use-case') {
    return { kind: 'call', call: { name: parsed.useCase.name, input: parsed.input } };
  }
  // A first word that is no command at all gets the console's own hint.
  return word === '/drill' || word === 'drill' || parsed.text.includes('after /drill')
    ? parsed
    : { kind: 'hint', text: `Unknown input "${head}". ${CONSOLE_HINT}` };
}
