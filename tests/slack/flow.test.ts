import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ClickThrottle } from '../../src/runtime/click-throttle.js';
import { resultRows } from '../../src/store/result-rows.js';
import { actor } from '../helpers/engine-fixture.js';
import {
  blockActionPayload,
  blockText,
  CHANNEL,
  startHarness,
  TEAM,
  USER,
  useSlackHarness,
  viewSubmissionPayload,
} from './slack-harness.js';

type Block = { type: string; elements?: { action_id: string; value: string }[] };
const buttons = (message: Record<string, unknown>) =>
  (message.blocks as Block[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);

describe('slack practice flow', () => {
  const { db, harness: h } = useSlackHarness();
  const channel = { platform: 'slack' as const, teamId: TEAM, channelId: CHANNEL };

  const click = (actionId: string, value: string, responseUrl = h().fake.responseUrl('click')) =>
    h().interact(blockActionPayload({ actionId, value, responseUrl }));

  async function nextResponse(): Promise<Record<string, unknown>> {
    const count = h().fake.callsOf('response_url').length;
    return (await h().fake.waitFor('response_url', count + 1))[count]!.body;
  }

  it('daily post, write modal, submission, reveal beside the answer, grade, and the board shows the points', async () => {
    // The daily card, posted by the scheduler through the poster.
    const card = await h().engine.run(actor({ ...channel, userId: 'USCHED' }), 'today');
    expect(card.kind).toBe('question');
    if (card.kind !== 'question') return;
    const outcome = await h().poster.post(channel, card, `${CHANNEL}:2026-03-02`);
    expect(outcome).toEqual({ ok: true, messageId: expect.stringMatching(/^1700000000\./) });
    const [posted] = h().fake.callsOf('chat.postMessage');
    expect(posted!.authorization).toBe('Bearer xoxb-test-0000-token');
    expect(posted!.body.channel).toBe(CHANNEL);
    const id = card.question.id;
    expect(buttons(posted!.body).map((b) => [b.action_id, b.value])).toEqual([
      ['drill_reveal', id],
      ['drill_write', id],
    ]);

    // *Write my answer* opens the modal with the click's trigger_id.
    expect((await click('drill_write', id)).status).toBe(200);
    const [opened] = await h().fake.waitFor('views.open');
    expect(opened!.body.trigger_id).toBe('13345224609.738474920.8088930838d88f008e0');
    const modal = opened!.body.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
    expect(modal.callback_id).toBe('drill_write_answer');
    expect(JSON.parse(modal.private_metadata)).toEqual({ q: id, c: CHANNEL });
    expect(JSON.stringify(modal.blocks)).toContain('"multiline":true');

    // Submitting stores the answer and offers the reveal, privately.
    const answer = 'Only one thread runs bytecode at a time <@U0BOSS> & that is <b>it</b>';
    const submitted = await h().interact(
      viewSubmissionPayload({ privateMetadata: modal.private_metadata, text: answer }),
    );
    expect(submitted).toEqual({ status: 200, body: '' });
    const [saved] = await h().fake.waitFor('chat.postEphemeral');
    expect(saved!.body).toMatchObject({ channel: CHANNEL, user: USER });
    expect(blockText(saved!.body)).toContain('Saved your answer');
    expect(buttons(saved!.body)).toEqual([expect.objectContaining({ action_id: 'drill_reveal', value: id })]);

    // The reveal shows the model answer beside theirs (escaped), then the grade buttons.
    let waitingResponses = nextResponse();
    await click('drill_reveal', id);
    const reveal = await waitingResponses;
    expect(reveal).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const revealText = blockText(reveal);
    expect(revealText).toContain('Model answer');
    expect(revealText).toContain('*Key points*');
    expect(revealText).toContain('*Your answer*');
    expect(revealText).toContain('&lt;@U0BOSS&gt; &amp; that is &lt;b&gt;it&lt;/b&gt;');
    expect(JSON.stringify(reveal)).not.toContain('<@U0BOSS>');
    expect(buttons(reveal).map((b) => [b.action_id, b.value])).toEqual([
      ['drill_grade_nailed', id],
      ['drill_grade_partly', id],
      ['drill_grade_missed', id],
    ]);

    waitingResponses = nextResponse();
    await click('drill_grade_nailed', id);
    const graded = blockText(await waitingResponses);
    expect(graded).toContain('*Nailed it*: +3 points');
    expect(graded).toContain('Total *3* points, streak *1* day, *#1* this week');

    waitingResponses = nextResponse();
    await h().command('leaderboard');
    const board = blockText(await waitingResponses);
    expect(board).toContain('this week, this channel');
    expect(board).toMatch(/🥇 {2}1\. steve\s+3 pts {2}1 answered {2}← you/);
  });

  it('the same grade click delivered twice counts once', async () => {
    const waiting = nextResponse();
    await click('drill_reveal', 'gil');
    await waiting;
    const payload = blockActionPayload({
      actionId: 'drill_grade_partly',
      value: 'gil',
      responseUrl: h().fake.responseUrl('g'),
    });
    const before = h().fake.callsOf('response_url').length;
    await Promise.all([h().interact(payload), h().interact(payload)]);
    await h().interact(payload);
    const replies = (await h().fake.waitFor('response_url', before + 3))
      .slice(before)
      .map((c) => blockText(c.body));
    expect(replies.every((r) => r.includes('*Partly*: +1 point'))).toBe(true);
    expect(replies.filter((r) => r.includes('replaces your earlier grade'))).toHaveLength(2);
    const board = await h().engine.run(
      actor({ ...channel, platform: 'slack', userId: USER }),
      'leaderboard',
      { period: 'all', scope: 'server' },
    );
    expect(board).toMatchObject({ kind: 'board', rows: [{ points: 1, answered: 1 }] });
  });

  it('a resent click (x-slack-retry-num) is acknowledged and not answered again', async () => {
    const waiting = nextResponse();
    await click('drill_reveal', 'decorators');
    await waiting;
    const retried = await h().interact(
      blockActionPayload({
        actionId: 'drill_reveal',
        value: 'decorators',
        responseUrl: h().fake.responseUrl(),
      }),
      { retryNum: 1 },
    );
    expect(retried).toEqual({ status: 200, body: '' });
    const next = nextResponse();
    await h().command('help');
    await next;
    expect(h().fake.callsOf('response_url')).toHaveLength(2);
  });

  it('grading before the reveal explains itself and writes nothing', async () => {
    const waiting = nextResponse();
    await click('drill_grade_nailed', 'gil');
    expect(blockText(await waiting)).toContain('Show the answer first');
    const board = await h().engine.run(actor({ ...channel, userId: USER }), 'leaderboard', {
      period: 'all',
      scope: 'server',
    });
    expect(board).toMatchObject({ rows: [] });
  });

  it('clicks from a foreign or broken button are ignored', async () => {
    await click('drill_reveal', '../../etc');
    await click('drill_grade_nailed', 'NOT A QUESTION');
    const waiting = nextResponse();
    await h().command('help');
    await waiting;
    expect(h().fake.callsOf('response_url')).toHaveLength(1);
  });

  it('a click on a button the bot does not have is acknowledged at once and changes nothing', async () => {
    // Unacknowledged, Bolt would answer 404 after holding the request for 3 s.
    expect((await click('drill_grade_superb', 'gil')).status).toBe(200);
    const waiting = nextResponse();
    await h().command('help');
    await waiting;
    expect(h().fake.callsOf('response_url')).toHaveLength(1);
    const rows = await db().connection.db.execute(sql`select count(*)::int as n from attempts`);
    expect(resultRows<{ n: number }>(rows)[0]!.n).toBe(0);
  });

  it('a user clicking faster than a few times a second is told to slow down', async () => {
    const fast = await startHarness(db().store, { throttle: new ClickThrottle(5, 1000) });
    try {
      const payload = blockActionPayload({
        actionId: 'drill_reveal',
        value: 'gil',
        responseUrl: fast.fake.responseUrl(),
      });
      await Promise.all(Array.from({ length: 6 }, () => fast.interact(payload)));
      const replies = (await fast.fake.waitFor('response_url', 6)).map((c) => blockText(c.body));
      expect(replies.filter((r) => r.includes('Slow down a little'))).toHaveLength(1);
      expect(replies.filter((r) => r.includes('Model answer'))).toHaveLength(5);
    } finally {
      await fast.stop();
    }
  });
});
