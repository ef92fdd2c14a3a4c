import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_ID, FakeDiscord } from '../discord/fake-discord.js';
import { slashCommand } from '../discord/interaction-payloads.js';
import { FakeSlackApi } from '../slack/fake-slack-api.js';
import { sign, slashCommandBody } from '../slack/slack-harness.js';

const SLACK_BOT_TOKEN = 'xoxb-1111-2222-SeCrEtBoTtOkEn';
const SLACK_SIGNING_SECRET = 'SeCrEtSiGnInG0123456789abcdef';
const DISCORD_TOKEN = 'MTMwMDAwMDAwMDAwMDAwMDAwMQ.SeCrEt.DiScOrDtOkEnXyZ';
const SECRETS = [SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, DISCORD_TOKEN, 'SeCrEt'];

describe('a session with tokens set', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'drill-secrets-'));
  let child: ChildProcess | null = null;
  let slackApi: FakeSlackApi | null = null;
  let discord: FakeDiscord | null = null;
  afterAll(async () => {
    child?.kill('SIGKILL');
    await slackApi?.stop();
    await discord?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('never writes a token or signing secret to its logs', async () => {
    slackApi = await new FakeSlackApi().start();
    discord = await FakeDiscord.start();
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !/^(SLACK_|DISCORD_|DATABASE_URL|LOG_LEVEL|PORT)/.test(k)),
    );
    child = spawn(process.execPath, ['scripts/start.mjs'], {
      env: {
        ...clean,
        DRILL_DATA_DIR: dataDir,
        LOG_LEVEL: 'trace',
        PORT: '0',
        SLACK_BOT_TOKEN,
        SLACK_SIGNING_SECRET,
        SLACK_API_URL: slackApi.apiUrl,
        DISCORD_TOKEN,
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_API_URL: discord.apiUrl,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => {
      output += d;
    });
    child.stderr!.on('data', (d) => {
      output += d;
    });
    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    const waitFor = async (pattern: RegExp, what: string) => {
      for (let i = 0; i < 600 && !pattern.test(output); i++) await new Promise((r) => setTimeout(r, 50));
      if (!pattern.test(output)) throw new Error(`timed out waiting for ${what}:\n${output.slice(-2000)}`);
    };
    await waitFor(/"msg":"ready"/, 'ready');
    const port = Number(/"port":(\d+)[^\n]*slack adapter started/.exec(output)?.[1]);
    expect(port).toBeGreaterThan(0);

    // Traffic on both platforms, including requests that fail, which is where secrets tend to leak.
    const send = async (body: string, secret = SLACK_SIGNING_SECRET) => {
      const timestamp = Math.floor(Date.now() / 1000);
      return fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': sign(body, timestamp, secret),
        },
        body,
      });
    };
    expect(
      (await send(slashCommandBody({ text: 'help', response_url: `${slackApi.apiUrl}response` }))).status,
    ).toBe(200);
    expect((await send(slashCommandBody({ text: 'ask gil' }), 'wrong-secret')).status).toBe(401);
    expect(
      (await send(slashCommandBody({ text: 'leaderboard', response_url: `${slackApi.apiUrl}response` })))
        .status,
    ).toBe(200);
    const help = await discord.interact(slashCommand('help'));
    expect(help.callback).not.toBeNull();
    await discord.interact(slashCommand('stats'));
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toMatch(/"level":/);
    expect(output).toMatch(/discord: connected/);
    for (const secret of SECRETS) expect(output, `log contains ${secret}`).not.toContain(secret);
  });
});
