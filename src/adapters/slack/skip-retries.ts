import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../logger.js';

/**
 * Slack resends a request it did not see acknowledged in time, with
 * x-slack-retry-num. The first delivery is already doing the work, so a retry
 * is acknowledged and dropped; the core's idempotent writes cover the rest.
 */
export function skipRetries(logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { context, next } = args;
    if (context.retryNum) {
      logger.info({ retryNum: context.retryNum, retryReason: context.retryReason }, 'slack retry dropped');
      if ('ack' in args && typeof args.ack === 'function') await args.ack();
      return;
    }
    await next();
  };
}
