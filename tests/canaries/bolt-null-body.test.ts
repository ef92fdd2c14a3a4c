import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BareBolt, startBareBolt } from './bare-bolt.js';

/**
 * Canary for src/adapters/slack/null-body-guard.ts: Bolt's HTTPReceiver reads
 * `body.ssl_check` outside its try/catch, so a signed body that parses to JSON
 * null is never answered and leaves an unhandled rejection. No upstream issue
 * found. The day this fails, Bolt answers such a body itself: remove the guard.
 */
describe('canary: Bolt hangs on a signed body that parses to null', () => {
  let bolt: BareBolt;
  beforeAll(async () => {
    bolt = await startBareBolt();
  });
  afterAll(() => bolt?.stop());

  it('still leaves `payload=null` and a JSON `null` unanswered, with an unhandled rejection each', async () => {
    // Bounded wait: an answer, if Bolt gives one, comes at once; 2 s of silence is the hang.
    const statuses = await Promise.all([
      bolt.post('payload=null', { contentType: 'application/x-www-form-urlencoded', waitMs: 2_000 }),
      bolt.post('null', { contentType: 'application/json', waitMs: 2_000 }),
    ]);
    const fixed =
      'upstream fixed the null-body hang in Bolt: remove src/adapters/slack/null-body-guard.ts ' +
      '(and its wrapping in create-slack-app.ts)';
    expect(statuses, fixed).toEqual([null, null]);
    expect(bolt.unhandledRejections, fixed).toEqual([
      expect.stringContaining("reading 'ssl_check'"),
      expect.stringContaining("reading 'ssl_check'"),
    ]);
  });
});
