import cron from 'node-cron';
import type { Logger } from '../logger.js';
import type { DailyScheduler } from './daily-scheduler.js';

/**
 * Ticks the scheduler about once a minute on every replica. The durable state
 * lives in Postgres, so a tick that a restart swallows is simply caught up by
 * the next one.
 */
export function startTicker(scheduler: DailyScheduler, logger: Logger): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = scheduler
      .tick()
      .then((report) => {
        if (report.due > 0) logger.info({ report }, 'scheduler tick');
      })
      .catch((error) => logger.error({ err: error }, 'scheduler tick failed'));
    return running;
  };
  const task = cron.schedule('* * * * *', tick, { noOverlap: true, name: 'daily-questions' });
  // Catch up at start: a post missed while down goes out now if its day is still today.
  void tick();
  return {
    async stop() {
      await task.stop();
      await running;
    },
  };
}
