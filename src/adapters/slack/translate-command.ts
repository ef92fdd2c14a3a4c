import type { DrillCommand } from '../../core/command.js';
import { parseCommandText } from '../../core/command-text.js';
import { DrillError } from '../../core/errors.js';

export type CommandTextResult = { kind: 'command'; command: DrillCommand } | { kind: 'hint'; text: string };

/** The words after /drill as a core command, or the one-line hint for words it does not understand. */
export function translateCommandText(text: unknown): CommandTextResult {
  // A forged body may repeat or drop the field; only a string is words.
  if (typeof text !== 'string') return { kind: 'hint', text: 'Try /drill help.' };
  try {
    return { kind: 'command', command: parseCommandText(text) };
  } catch (error) {
    if (error instanceof DrillError) return { kind: 'hint', text: error.message };
    throw error;
  }
}
