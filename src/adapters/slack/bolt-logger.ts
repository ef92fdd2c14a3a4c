import { LogLevel, type Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from '../../logger.js';

const FROM_PINO: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
};

const text = (parts: unknown[]) =>
  parts
    .map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p)))
    .join(' ');

/** Bolt and its WebClient log through our pino logger (which masks secrets), at pino's level. */
export function boltLogger(logger: Logger): SlackLogger {
  const log = logger.child({ component: 'slack-bolt' });
  return {
    debug: (...parts: unknown[]) => log.debug(text(parts)),
    info: (...parts: unknown[]) => log.info(text(parts)),
    warn: (...parts: unknown[]) => log.warn(text(parts)),
    error: (...parts: unknown[]) => log.error(text(parts)),
    // The level is pino's; Bolt asking to change it is ignored.
    setLevel: () => {},
    getLevel: () => FROM_PINO[log.level] ?? LogLevel.ERROR,
    setName: () => {},
  };
}
