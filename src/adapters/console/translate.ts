import type { DrillAction, DrillCommand } from '../../core/command.js';
import { parseCommandText } from '../../core/command-text.js';
import { DrillError } from '../../core/errors.js';
import { isGrade } from '../../core/types.js';

/** One console line as the core call it stands for. */
export type ConsoleInput =
  | { kind: 'command'; command: DrillCommand }
  | { kind: 'action'; action: DrillAction | ((questionId: string) => DrillAction) }
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'empty' }
  | { kind: 'hint'; text: string };

const COMMAND_WORDS = new Set([
  'ask',
  'today',
  'topics',
  'leaderboard',
  'board',
  'stats',
  'review',
  'schedule',
  'privacy',
  'forget-me',
]);

export const CONSOLE_HINT =
  'Try: /drill today, /drill ask gil, answer <text>, reveal, grade nailed|partly|missed, help, quit.';

export function translateLine(line: string): ConsoleInput {
  const text = line.trim();
  if (!text || text.startsWith('#')) return { kind: 'empty' };
  const [head = '', ...rest] = text.split(/\s+/);
  const word = head.toLowerCase();
  if (word === 'quit' || word === 'exit') return { kind: 'quit' };
  if (word === 'help' || word === '?') return { kind: 'help' };
  try {
    if (word === '/drill' || word === 'drill' || COMMAND_WORDS.has(word)) {
      return { kind: 'command', command: parseCommandText(word.endsWith('drill') ? rest.join(' ') : text) };
    }
    if (word === 'answer' || word === 'write') {
      const answer = text.slice(head.length).trim();
      if (!answer) return { kind: 'hint', text: 'Type your answer after the word: answer <text>' };
      return { kind: 'action', action: (questionId) => ({ name: 'write', questionId, text: answer }) };
    }
    if (word === 'reveal' || word === 'show') {
      return { kind: 'action', action: (questionId) => ({ name: 'reveal', questionId }) };
    }
    // "nailed" alone grades too: the words the reveal offers are easy to type without "grade" first.
    if (word === 'grade' || isGrade(word)) {
      const grade = word === 'grade' ? (rest[0] ?? '').toLowerCase() : word;
      if (!isGrade(grade)) {
        return { kind: 'hint', text: 'Grade with: grade nailed, grade partly or grade missed' };
      }
      return { kind: 'action', action: (questionId) => ({ name: 'grade', questionId, grade }) };
    }
  } catch (error) {
    if (error instanceof DrillError) return { kind: 'hint', text: error.message };
    throw error;
  }
  return { kind: 'hint', text: `Unknown input "${head}". ${CONSOLE_HINT}` };
}
