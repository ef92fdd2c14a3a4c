import { describe, expect, it } from 'vitest';
import { startSlack } from '../../src/adapters/slack/index.js';
import { createLogger } from '../../src/logger.js';
import { makeEngine } from '../helpers/engine-fixture.js';
import { FakeSlackApi } from './fake-slack-api.js';
import {
  BOT_TOKEN,
  blockActionPayload,
  SIGNING_SECRET,
  sign,
  slashCommandBody,
  TEAM,
  useSlackHarness,
} from './slack-harness.js';

describe('slack request safety', () => {
  const { db, harness: h } = useSlackHarness();
  const now = () => Math.floor(Date.now() / 1000);
  const userRow = (userId: string) => db().store.users.get({ platform: 'slack', teamId: TEAM, userId });

  /** A command that writes a row (privacy) from a fresh user, so a refused request is visible as no row. */
  const privacyCommand = (userId: string) =>
    slashCommandBody({ text: 'privacy hidden', user_id: userId, response_url: h().fake.responseUrl() });

  it('a correctly signed request is accepted (the control for the refusals below)', async () => {
    expect((await h().post(privacyCommand('U0SIGNED'))).status).toBe(200);
    await h().fake.waitFor('response_url');
    expect(await userRow('U0SIGNED')).toMatchObject({ hidden: true });
  });

  it('a forged signature is refused with 401 and writes nothing', async () => {
    const res = await h().post(privacyCommand('U0FORGED'), { secret: 'not-the-signing-secret' });
    expect(res.status).toBe(401);
    const tampered = privacyCommand('U0TAMPER');
    const ts = now();
    const sent = await fetch(`http://127.0.0.1:${h().port}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': sign(privacyCommand('U0SOMEONE'), ts),
      },
      body: tampered,
    });
    expect(sent.status).toBe(401);
    const unsigned = await fetch(`http://127.0.0.1:${h().port}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: privacyCommand('U0UNSIGNED'),
    });
    expect(unsigned.status).toBe(401);
    expect(await userRow('U0FORGED')).toBeUndefined();
    expect(await userRow('U0TAMPER')).toBeUndefined();
    expect(await userRow('U0UNSIGNED')).toBeUndefined();
    expect(h().fake.calls).toHaveLength(0);
  });

  it('a stale timestamp (over five minutes old) is refused even with a valid signature', async () => {
    const res = await h().post(privacyCommand('U0STALE'), { timestamp: now() - 6 * 60 });
    expect(res.status).toBe(401);
    expect(await userRow('U0STALE')).toBeUndefined();
  });

  it('a future timestamp (over five minutes ahead) is refused even with a valid signature', async () => {
    const res = await h().post(privacyCommand('U0FUTURE'), { timestamp: now() + 6 * 60 });
    expect(res.status).toBe(401);
    const click = blockActionPayload({
      actionId: 'drill_reveal',
      value: 'gil',
      responseUrl: h().fake.responseUrl(),
    });
    const clickRes = await h().interact(click, { timestamp: now() + 3600 });
    expect(clickRes.status).toBe(401);
    expect(await userRow('U0FUTURE')).toBeUndefined();
    expect(await userRow('U2147483697')).toBeUndefined();
    expect(h().fake.calls).toHaveLength(0);
  });

  it('a small clock difference is tolerated', async () => {
    expect((await h().post(privacyCommand('U0SKEW'), { timestamp: now() + 30 })).status).toBe(200);
    await h().fake.waitFor('response_url');
    expect(await userRow('U0SKEW')).toBeDefined();
  });

  it('GET /healthz answers 200 on the events port', async () => {
    const res = await fetch(`http://127.0.0.1:${h().port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('start-up stops with a one-line reason when Slack refuses the token', async () => {
    const fake = await new FakeSlackApi().start();
    try {
      fake.answerNext('auth.test', { body: { ok: false, error: 'invalid_auth' } });
      const { engine } = makeEngine(db().store);
      const logger = createLogger({ level: 'silent', secrets: [] });
      const config = {
        botToken: BOT_TOKEN,
        signingSecret: SIGNING_SECRET,
        appToken: undefined,
        apiUrl: fake.url.concat('/api'),
        adminUserIds: [],
        postsPerSecond: 20,
      };
      await expect(startSlack({ config, port: 0, engine, logger })).rejects.toThrow(
        'SLACK_BOT_TOKEN: Slack refused the token (auth.test: invalid_auth)',
      );
      // SLACK_API_URL without the trailing slash still reached the fake.
      expect(fake.callsOf('auth.test')).toHaveLength(1);
    } finally {
      await fake.stop();
    }
  });
});
