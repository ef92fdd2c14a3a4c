import { createConnection, createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { SOMETHING_WENT_WRONG, TOO_SLOW } from '../../src/runtime/engine.js';
import { openDatabase } from '../../src/store/connection.js';
import { createStore } from '../../src/store/store.js';
import { actor, makeEngine } from '../helpers/engine-fixture.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the TCP proxy used to cut the database', () => {
  it('forwards bytes, drops connections when cut and forwards again when restored', async () => {
    const echo = createServer((s) => s.pipe(s));
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
    const port = (echo.address() as { port: number }).port;
    const proxy = new TcpProxy('127.0.0.1', port);
    await proxy.start();
    const roundTrip = () =>
      new Promise<string>((resolve) => {
        const socket = createConnection({ host: '127.0.0.1', port: proxy.port }, () => socket.write('ping'));
        socket.on('data', (d) => {
          resolve(String(d));
          socket.destroy();
        });
        socket.on('error', () => resolve('error'));
        socket.on('close', () => resolve('closed'));
      });
    expect(await roundTrip()).toBe('ping');
    proxy.cut();
    expect(['error', 'closed']).toContain(await roundTrip());
    proxy.restore();
    expect(await roundTrip()).toBe('ping');
    await proxy.stop();
    echo.close();
  });
});

// Needs a real Postgres server behind a real TCP connection: runs when TEST_DATABASE_URL is set (CI sets it).
describe.each(process.env.TEST_DATABASE_URL ? ['postgres'] : [])(
  'a 5 s database outage during grade clicks (%s)',
  () => {
    let db: TestDatabase;
    let proxy: TcpProxy;
    let viaProxy: Awaited<ReturnType<typeof openDatabase>> | null = null;
    afterAll(async () => {
      await viaProxy?.close().catch(() => {});
      await proxy?.stop();
      await db?.close();
    });

    it('stays up, answers clearly during the cut, resumes by itself, and keeps every acknowledged grade', async () => {
      db = await openTestDatabase('postgres');
      const target = new URL(db.url!);
      proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
      await proxy.start();
      const proxied = new URL(db.url!);
      proxied.hostname = '127.0.0.1';
      proxied.port = String(proxy.port);
      viaProxy = await openDatabase({ databaseUrl: proxied.toString(), maxConnections: 4 });
      const errors: unknown[] = [];
      const { engine, clock } = makeEngine(createStore(viaProxy.db), { onError: (e) => errors.push(e) });
      const questions = engine.deps.banks.bundled.all().map((q) => q.id);

      const acknowledged: { userId: string; questionId: string }[] = [];
      const failures: string[] = [];
      let cutAt = 0;
      let restoredAt = 0;
      let firstSuccessAfterRestore = 0;
      const started = Date.now();
      setTimeout(() => {
        proxy.cut();
        cutAt = Date.now();
      }, 1500);
      setTimeout(() => {
        proxy.restore();
        restoredAt = Date.now();
      }, 6500);
      for (let i = 0; Date.now() - started < 10_000; i++) {
        const who = actor({ userId: `u${i % 7}`, userName: `user${i % 7}` });
        const questionId = questions[i % questions.length]!;
        const reveal = await engine.run(who, 'reveal', { question: questionId });
        const graded =
          reveal.kind === 'reveal'
            ? await engine.run(who, 'grade', { question: questionId, grade: 'nailed' })
            : reveal;
        if (graded.kind === 'graded') {
          acknowledged.push({ userId: who.userId, questionId });
          if (restoredAt && !firstSuccessAfterRestore) firstSuccessAfterRestore = Date.now();
        } else {
          if (graded.kind !== 'notice') throw new Error(`unexpected ${JSON.stringify(graded)}`);
          expect(graded.tone).toBe('error');
          expect([SOMETHING_WENT_WRONG, TOO_SLOW]).toContain(graded.text);
          failures.push(graded.text);
        }
        await sleep(100);
      }
      expect(cutAt).toBeGreaterThan(0);
      expect(failures.length).toBeGreaterThan(0);
      expect(errors.length).toBeGreaterThan(0);
      expect(firstSuccessAfterRestore).toBeGreaterThan(0);
      expect(acknowledged.length).toBeGreaterThan(10);
      // Every click that was acknowledged as graded is in the database (checked over a direct connection).
      const direct = createStore(db.connection.db);
      for (const a of acknowledged) {
        const zoneDate = clock.now().toISOString().slice(0, 10);
        const attempt = await direct.attempts.get({
          platform: 'console',
          teamId: 'T1',
          channelId: 'C1',
          userId: a.userId,
          questionId: a.questionId,
          localDate: zoneDate,
        });
        expect(attempt?.grade, `${a.userId} ${a.questionId}`).toBe('nailed');
      }
    });
  },
);
