/**
 * The app's logger for a bench run: warnings and errors are counted and the
 * first few kept for the progress output, nothing is printed.
 */
import { createLogger, type Logger } from '../src/logger.js';

export interface CountingLogger {
  logger: Logger;
  /** Lines logged at warn or above so far. */
  count(): number;
  /** The first few of them. */
  first(): readonly string[];
}

const KEPT = 3;

export function countingLogger(secrets: readonly string[]): CountingLogger {
  const kept: string[] = [];
  let count = 0;
  const logger = createLogger({
    level: 'warn',
    secrets,
    destination: {
      write(line: string) {
        count += 1;
        if (kept.length < KEPT) kept.push(line.trim());
      },
    },
  });
  return { logger, count: () => count, first: () => kept };
}
