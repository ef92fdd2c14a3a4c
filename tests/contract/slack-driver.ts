/**
 * The contract's Slack: the real Bolt app (HTTP receiver) against the fake
 * Slack API. Commands are signed `/drill` form posts, reveal and grade are
 * block_actions clicks, write is the modal's view_submission, the
 * confirmation is the confirm button. Who saw an answer is read from how it
 * reached Slack: a response_url body's response_type, or the Web API method.
 */
import {
  CONFIRM_ACTION,
  gradeActionId,
  REVEAL_ACTION,
  WRITE_ACTION,
} from '../../src/adapters/slack/action-ids.js';
import type { Store } from '../../src/core/ports.js';
import { type Actor, isGrade } from '../../src/core/types.js';
import type { UseCase } from '../../src/core/use-case.js';
import type { FakeCall } from '../slack/fake-slack-api.js';
import {
  blockActionPayload,
  CHANNEL,
  type SlackHarness,
  startHarness,
  TEAM,
  USER,
  viewSubmissionPayload,
} from '../slack/slack-harness.js';
import { commandText } from './command-text.js';
import type { ContractDriver, Outcome, SeenBy, Send, Who } from './contract-driver.js';
import { type EngineCall, recordEngineCalls, viewSince } from './engine-calls.js';
import { waitUntil } from './wait-until.js';

const ADMIN = 'U0ADMIN0001';
/** Slack's DM channel ids start with D; slash commands name them "directmessage". */
const DM_CHANNEL = 'D0DIRECT001';

const person = (who: Who) => (who.admin ? { id: ADMIN, name: 'grace' } : { id: USER, name: 'steve' });
const channelOf = (who: Who) => (who.dm ? DM_CHANNEL : CHANNEL);

/** A response_url reply: `in_channel` is the channel's; `ephemeral` (Slack's default) the caller's alone. */
const seenByResponse = (body: Record<string, unknown>): SeenBy =>
  body.response_type === 'in_channel' ? 'channel' : 'caller';

/** A Web API reply: an ephemeral, or a message to the user's own DM with the app, is the caller's alone. */
const seenByApiCall = (call: FakeCall, userId: string): SeenBy =>
  call.method === 'chat.postEphemeral' || call.body.channel === userId ? 'caller' : 'channel';

const WEB_API_REPLIES = ['chat.postEphemeral', 'chat.postMessage'];

export class SlackContractDriver implements ContractDriver {
  readonly shows = 'per-audience' as const;
  private responses = 0;
  private submissions = 0;

  private constructor(
    private readonly harness: SlackHarness,
    private readonly calls: EngineCall[],
  ) {}

  /** The harness's app, with ADMIN among SLACK_ADMIN_USER_IDS (USER is a member: users.info says not admin). */
  static async start(store: Store): Promise<SlackContractDriver> {
    const harness = await startHarness(store, { adminUserIds: [ADMIN] });
    return new SlackContractDriver(harness, recordEngineCalls(harness.engine));
  }

  get engine() {
    return this.harness.engine;
  }

  stop(): Promise<void> {
    return this.harness.stop();
  }

  preparer(who: Who): Actor {
    const { id, name } = person(who);
    return {
      platform: 'slack',
      teamId: TEAM,
      channelId: CHANNEL,
      userId: id,
      userName: name,
      isAdmin: true,
      inChannel: true,
    };
  }

  async ready(useCase: UseCase, input: Readonly<Record<string, string>>, who: Who): Promise<Send> {
    if (useCase.trigger === 'command') return () => this.command(useCase, commandText(useCase, input), who);
    const question = input.question ?? '';
    switch (useCase.name) {
      case 'reveal':
        return () => this.click(useCase, REVEAL_ACTION, question, who);
      case 'grade': {
        const grade = input.grade ?? '';
        if (!isGrade(grade)) throw new Error(`no grade button for "${grade}"`);
        return () => this.click(useCase, gradeActionId(grade), question, who);
      }
      case 'write':
        return this.openWriteModal(useCase, question, input.text ?? '', who);
      default:
        throw new Error(`the Slack contract driver has no button for the use case "${useCase.name}"`);
    }
  }

  async readyConfirm(useCase: UseCase, who: Who): Promise<Send> {
    return () => this.click(useCase, CONFIRM_ACTION, useCase.name, who);
  }

  /** A fresh response_url for each request, so concurrent ones are told apart. */
  private nextResponseUrl(): { url: string; path: string } {
    this.responses += 1;
    const name = `contract-${this.responses}`;
    return { url: this.harness.fake.responseUrl(name), path: `/response/${name}` };
  }

  private async answered(useCase: UseCase, from: number, path: string): Promise<Outcome> {
    const { fake } = this.harness;
    let reply: FakeCall | undefined;
    await waitUntil(() => {
      reply = fake.calls.find((c) => c.path === path);
      return reply !== undefined;
    }, `the answer to ${useCase.name} on ${path}`);
    return { view: viewSince(this.calls, from, useCase.name), seenBy: seenByResponse(reply!.body) };
  }

  private async command(useCase: UseCase, text: string, who: Who): Promise<Outcome> {
    const from = this.calls.length;
    const { url, path } = this.nextResponseUrl();
    const { id, name } = person(who);
    const acked = await this.harness.command(text, {
      user_id: id,
      user_name: name,
      channel_id: channelOf(who),
      channel_name: who.dm ? 'directmessage' : 'drill-club',
      response_url: url,
    });
    if (acked.status !== 200 || acked.body !== '')
      throw new Error(`/drill ${text} was acked ${JSON.stringify(acked)}`);
    return this.answered(useCase, from, path);
  }

  private async click(useCase: UseCase, actionId: string, value: string, who: Who): Promise<Outcome> {
    const from = this.calls.length;
    const { url, path } = this.nextResponseUrl();
    const { id, name } = person(who);
    const payload = blockActionPayload({
      actionId,
      value,
      responseUrl: url,
      userId: id,
      userName: name,
      channelId: channelOf(who),
    });
    const acked = await this.harness.interact(payload);
    if (acked.status !== 200) throw new Error(`the ${actionId} click was acked ${acked.status}`);
    return this.answered(useCase, from, path);
  }

  /** *Write my answer* opens the modal; each send is a Save of it, answered through the Web API. */
  private async openWriteModal(useCase: UseCase, question: string, text: string, who: Who): Promise<Send> {
    const { fake } = this.harness;
    const opened = fake.callsOf('views.open').length;
    const { id, name } = person(who);
    await this.harness.interact(
      blockActionPayload({
        actionId: WRITE_ACTION,
        value: question,
        responseUrl: this.nextResponseUrl().url,
        userId: id,
        userName: name,
        channelId: channelOf(who),
      }),
    );
    const [modal] = (await fake.waitFor('views.open', opened + 1)).slice(opened);
    const privateMetadata = String((modal!.body.view as { private_metadata: string }).private_metadata);
    return async () => {
      const from = this.calls.length;
      // Each Save is answered by one Web API message; the nth Save waits for the nth.
      this.submissions += 1;
      const nth = this.submissions;
      const payload = viewSubmissionPayload({ privateMetadata, text, userId: id });
      payload.user.name = name;
      const acked = await this.harness.interact(payload);
      if (acked.status !== 200) throw new Error(`the write modal's Save was acked ${acked.status}`);
      const replies = () => fake.calls.filter((c) => WEB_API_REPLIES.includes(c.method));
      await waitUntil(() => replies().length >= nth, `the answer to Save number ${nth}`);
      return {
        view: viewSince(this.calls, from, useCase.name),
        seenBy: seenByApiCall(replies()[nth - 1]!, id),
      };
    };
  }
}
