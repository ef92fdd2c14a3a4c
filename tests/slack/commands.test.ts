import { describe, expect, it } from 'vitest';
import { parseCommandText } from '../../src/adapters/text/parse-command-text.js';
import { USE_CASES } from '../../src/use-cases/table.js';
import { blockActionPayload, blockText, CHANNEL, TEAM, USER, useSlackHarness } from './slack-harness.js';

/** Where a reply to these words should go: the channel when the command says so, unless it is a warning. */
function expectedResponseType(text: string, reply: Record<string, unknown>): 'ephemeral' | 'in_channel' {
  const parsed = parseCommandText(text, USE_CASES);
  const warning = blockText(reply).includes(':warning:');
  return parsed.kind === 'use-case' && parsed.useCase.answerTo === 'channel' && !warning
    ? 'in_channel'
    : 'ephemeral';
}

describe('slack /drill subcommands', () => {
  const { db, harness: h } = useSlackHarness({ adminUserIds: ['UCONFIGADMIN'] });

  /**
   * Sends /drill <text>, checks the ack is an empty 200 and that the reply went to whom the command says,
   * returns the reply posted to the response_url.
   */
  async function drill(text: string, fields: Record<string, string> = {}) {
    const before = h().fake.callsOf('response_url').length;
    const ack = await h().command(text, fields);
    expect(ack).toEqual({ status: 200, body: '' });
    const calls = await h().fake.waitFor('response_url', before + 1);
    const reply = calls[before]!.body;
    expect(reply).toMatchObject({ response_type: expectedResponseType(text, reply) });
    return { reply, text: blockText(reply) };
  }

  it('help (and no words at all) lists every subcommand, ephemeral', async () => {
    const { text } = await drill('help');
    for (const word of [
      'ask',
      'today',
      'topics',
      'leaderboard',
      'stats',
      'review',
      'schedule set',
      'privacy',
      'forget-me',
    ]) {
      expect(text).toContain(`/drill ${word}`);
    }
    expect((await drill('')).text).toContain('/drill leaderboard');
  });

  it('unknown words get the hint and the help in the ack itself, without touching the engine', async () => {
    const ack = await h().command('frobnicate now');
    expect(ack.status).toBe(200);
    const body = JSON.parse(ack.body);
    expect(body.response_type).toBe('ephemeral');
    expect(blockText(body)).toContain('Unknown command \\"frobnicate\\"');
    expect(blockText(body)).toContain('/drill schedule set');
    expect(h().fake.callsOf('response_url')).toHaveLength(0);
    // A known command with a bad value is checked by the engine, like on every platform: a private warning.
    const bad = await drill('ask topic=astrology');
    expect(bad.reply).toMatchObject({ response_type: 'ephemeral' });
    expect(bad.text).toContain('Unknown topic \\"astrology\\"');
    expect(await db().store.users.get({ platform: 'slack', teamId: TEAM, userId: USER })).toBeUndefined();
  });

  it('ask by words renders the question card with Show answer and Write my answer carrying the id', async () => {
    const { reply, text } = await drill('ask metaclass');
    expect(text).toContain('#11 What are metaclasses?');
    expect(text).toContain('Topic: *oop*');
    expect(text).toContain('Difficulty: *hard*');
    const actions = (
      reply.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]
    ).find((b) => b.type === 'actions');
    expect(actions?.elements).toEqual([
      expect.objectContaining({ action_id: 'drill_reveal', value: 'metaclasses' }),
      expect.objectContaining({ action_id: 'drill_write', value: 'metaclasses' }),
    ]);
  });

  it('ask with topic and difficulty filters picks from them', async () => {
    const { text } = await drill('ask topic=concurrency difficulty=easy');
    expect(text).toContain('Topic: *concurrency*');
    expect(text).toContain('Difficulty: *easy*');
  });

  it('echoes what the user typed without live mentions', async () => {
    const { reply, text } = await drill('ask <!subteam^S0ZZQ> <@U0ZZQ> & zzq');
    expect(text).toContain('No question matches');
    expect(text).toContain('&lt;!subteam^S0ZZQ&gt; &lt;@U0ZZQ&gt; &amp; zzq');
    expect(JSON.stringify(reply)).not.toMatch(/<!subteam|<@U0ZZQ>/);
  });

  it("today shows the channel's daily question in a channel and explains itself in a DM", async () => {
    expect((await drill('today')).text).toContain("Today's question · 2026-03-02");
    const dm = await drill('today', { channel_id: 'D0123456', channel_name: 'directmessage' });
    expect(dm.text).toContain('works in a server or workspace channel');
  });

  it('topics lists packs with counts', async () => {
    const { text } = await drill('topics');
    expect(text).toMatch(/questions\)/);
    expect(text).toContain('concurrency');
  });

  it('leaderboard month server names the period and scope', async () => {
    const { text } = await drill('leaderboard month server');
    expect(text).toContain('this month, whole workspace');
    expect(text).toContain('No points yet');
  });

  it('stats for the caller, and for someone unknown', async () => {
    expect((await drill('stats')).text).toContain('Stats for steve');
    expect((await drill('stats <@U0OTHER|bob>')).text).toContain('No stats for that person yet.');
  });

  it('review serves a card from the review deck', async () => {
    const { text } = await drill('review');
    expect(text).toContain('*Review*');
    expect(text).toContain('A new question for your review deck.');
  });

  it('schedule show without a schedule tells admins how to set one', async () => {
    expect((await drill('schedule show')).text).toContain('No daily question is scheduled');
  });

  it("a non-admin's schedule set is refused after users.info says so", async () => {
    h().fake.users.set('U0MEMBER', { is_admin: false });
    const { text } = await drill('schedule set 09:00 Europe/Berlin weekdays', { user_id: 'U0MEMBER' });
    expect(text).toContain('Only admins can do that');
    expect(h().fake.callsOf('users.info')[0]?.body.user).toBe('U0MEMBER');
    expect(
      await db().store.channels.get({ platform: 'slack', teamId: TEAM, channelId: CHANNEL }),
    ).toBeUndefined();
    expect((await drill('schedule off', { user_id: 'U0MEMBER' })).text).toContain('Only admins');
  });

  it("a workspace admin's schedule set is accepted, shown, and turned off", async () => {
    h().fake.users.set('U0ADMIN', { is_admin: true });
    const set = await drill('schedule set 09:00 Europe/Berlin weekdays topic=concurrency', {
      user_id: 'U0ADMIN',
    });
    expect(set.text).toContain('Schedule saved');
    expect(set.text).toContain('09:00 Europe/Berlin, weekdays, topic concurrency');
    expect(set.text).toContain('Next post: *Tue 2026-03-03 09:00 Europe/Berlin*');
    expect((await drill('schedule')).text).toContain('09:00 Europe/Berlin');
    expect((await drill('schedule off', { user_id: 'U0ADMIN' })).text).toContain('Daily posts turned off');
    // users.info is cached: one lookup for both admin commands.
    expect(h().fake.callsOf('users.info')).toHaveLength(1);
  });

  it('owners and SLACK_ADMIN_USER_IDS may set schedules too; the configured ones without a lookup', async () => {
    h().fake.users.set('U0OWNER', { is_owner: true });
    expect((await drill('schedule set 08:30 UTC daily', { user_id: 'U0OWNER' })).text).toContain(
      'Schedule saved',
    );
    const configured = await drill('schedule set 07:00 Asia/Tokyo mon,wed,fri', { user_id: 'UCONFIGADMIN' });
    expect(configured.text).toContain('07:00 Asia/Tokyo');
    expect(
      h()
        .fake.callsOf('users.info')
        .map((c) => c.body.user),
    ).toEqual(['U0OWNER']);
  });

  it('ordinary commands never ask users.info', async () => {
    await drill('ask gil');
    await drill('leaderboard');
    expect(h().fake.callsOf('users.info')).toHaveLength(0);
  });

  it('privacy hidden and visible', async () => {
    expect((await drill('privacy hidden')).text).toContain('You are hidden');
    expect((await drill('privacy visible')).text).toContain('You are visible');
    const bad = JSON.parse((await h().command('privacy maybe')).body);
    expect(blockText(bad)).toContain('Unexpected "maybe" after /drill privacy. Use visible, hidden.');
  });

  it('forget-me asks first, and the confirm button deletes', async () => {
    await drill('privacy hidden');
    const { reply } = await drill('forget-me');
    const button = (
      reply.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]
    ).find((b) => b.type === 'actions')?.elements?.[0];
    expect(button).toMatchObject({ action_id: 'drill_confirm', value: 'forget-me' });
    expect(await db().store.users.get({ platform: 'slack', teamId: TEAM, userId: USER })).toBeDefined();
    await h().interact(
      blockActionPayload({
        actionId: button!.action_id,
        value: button!.value,
        responseUrl: h().fake.responseUrl('f'),
      }),
    );
    const done = (await h().fake.waitFor('response_url', 3))[2];
    expect(done!.body).toMatchObject({ replace_original: true });
    expect(blockText(done!.body)).toContain('every answer, grade, point, streak, review card and setting');
    expect(await db().store.users.get({ platform: 'slack', teamId: TEAM, userId: USER })).toBeUndefined();
  });

  it('a retried command (x-slack-retry-num) is acknowledged and not done again', async () => {
    await drill('privacy hidden', { user_id: 'U0FIRST' });
    const retry = await h().command('privacy hidden', { user_id: 'U0RETRIED' }, { retryNum: 1 });
    expect(retry).toEqual({ status: 200, body: '' });
    await drill('help');
    expect(h().fake.callsOf('response_url')).toHaveLength(2);
    expect(
      await db().store.users.get({ platform: 'slack', teamId: TEAM, userId: 'U0RETRIED' }),
    ).toBeUndefined();
  });
});
