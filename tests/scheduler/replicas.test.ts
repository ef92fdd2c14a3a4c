import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/ports.js';
import { DailyScheduler } from '../../src/scheduler/daily-scheduler.js';
import { openDatabase } from '../../src/store/connection.js';
import { createStore } from '../../src/store/store.js';
import { actor, makeEngine, TestClock } from '../helpers/engine-fixture.js';
import { RecordingPoster } from '../helpers/recording-poster.js';
import { memoryLogger } from '../helpers/silent-logger.js';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const CHANNELS = 200;

describe.each(DATABASE_KINDS)('three scheduler replicas on one database (%s)', (kind) => {
  let db: TestDatabase;
  const extra: { close(): Promise<void> }[] = [];
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(async () => {
    for (const c of extra) await c.close();
    await db?.close();
  });

  it(`posts each of ${CHANNELS} channels exactly once per day, ticking at once`, async () => {
    const clock = new TestClock(new Date('2026-06-01T06:00:00Z'));
    const { engine } = makeEngine(db.store, { clock });
    for (let i = 0; i < CHANNELS; i++) {
      const zone = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo'][i % 4]!;
      await engine.run(actor({ channelId: `C${i}` }), 'schedule set', {
        time: '09:00',
        timezone: zone,
        days: 'daily',
      });
    }
    // Each replica has its own connection where the driver allows it (real Postgres); PGlite is one process's file.
    const stores: Store[] = [db.store];
    for (let i = 1; i < 3; i++) {
      if (db.url) {
        const connection = await openDatabase({ databaseUrl: db.url, maxConnections: 10 });
        extra.push(connection);
        stores.push(createStore(connection.db));
      } else stores.push(db.store);
    }
    const poster = new RecordingPoster(clock.now);
    const replicas = stores.map(
      (store) =>
        new DailyScheduler({
          deps: makeEngine(store, { clock }).deps,
          posters: [poster],
          logger: memoryLogger().logger,
          concurrency: 8,
        }),
    );
    // Two days, ticking every 30 minutes, all three replicas at the same instant.
    for (let t = 0; t < 48 * 2; t++) {
      clock.advance(30 * 60_000);
      await Promise.all(replicas.map((r) => r.tick()));
    }
    for (let i = 0; i < CHANNELS; i++) {
      const posts = poster.postsFor(`C${i}`);
      const days = posts.map((p) => p.card.localDate);
      expect(new Set(days).size, `C${i}`).toBe(days.length);
      expect(days.length, `C${i}`).toBe(2);
    }
    expect(poster.posts).toHaveLength(CHANNELS * 2);
  });
});
