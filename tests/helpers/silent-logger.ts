import pino from 'pino';
import type { Logger } from '../../src/logger.js';

/** A real pino logger that keeps its lines in memory, so tests can read what was logged. */
export function memoryLogger(): { logger: Logger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (s: string) => void chunks.push(s) });
  return {
    logger,
    lines: () =>
      chunks.flatMap((c) => c.trim().split('\n')).map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}
