import type { Writable } from 'node:stream';

/**
 * How the console's output is shown: on a terminal (tty) text is styled with escape codes and
 * wrapped to its width; piped to a file or a program it is plain text, a paragraph to a line.
 */
export interface ConsoleDisplay {
  tty: boolean;
  /** Columns to wrap to on a terminal; tables use it when piped too. */
  width: number;
}

export const DEFAULT_WIDTH = 80;

/** Plain text: what a pipe, a file or a test gets. */
export const PLAIN_DISPLAY: ConsoleDisplay = { tty: false, width: DEFAULT_WIDTH };

/** What a stream is: a terminal tells its width (read each time, so a resize counts), anything else is plain. */
export function displayOf(output: Writable): ConsoleDisplay {
  const terminal = output as Writable & { isTTY?: boolean; columns?: number };
  if (terminal.isTTY !== true) return PLAIN_DISPLAY;
  const columns = terminal.columns;
  return { tty: true, width: columns && columns >= 20 ? columns : DEFAULT_WIDTH };
}
