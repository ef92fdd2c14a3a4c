import type { DrillCommand } from '../../core/command.js';
import { parseCommandText } from '../../core/command-text.js';
import { DrillError } from '../../core/errors.js';

export type CommandTextResult = { kind: 'command'; command: DrillCommand } | { kind: 'hint'; text: string };

/** The words after /drill as a core command, or the one-line hint for words it does not understand. */
export function translateCommandText(text: string): CommandTextResult {
  try {
    return { kind: 'command', command: parseCommandText(text) };
  } catch (error) {
    if (error instanceof DrillError) return { kind: 'hint', text: error.message };
    throw error;
  }
}
