/**
 * The contract's Discord: the real discord.js client against the fake
 * Discord. Commands are /drill interactions, reveal and grade are button
 * clicks, write is the answer modal's submission, the confirmation is the
 * prompt's confirm button; admins have Manage Server. Who saw an answer is
 * read from the acknowledgement's flags (64 = ephemeral) and what followed it.
 */
import { confirmId, gradeId, revealId, writeId } from '../../src/adapters/discord/custom-ids.js';
import { startDiscord } from '../../src/adapters/discord/index.js';
import { renderView } from '../../src/adapters/discord/render-view.js';
import type { Store } from '../../src/core/ports.js';
import { type Actor, isGrade } from '../../src/core/types.js';
import type { UseCase } from '../../src/core/use-case.js';
import type { View } from '../../src/core/views.js';
import { createLogger } from '../../src/logger.js';
import type { DrillEngine } from '../../src/runtime/engine.js';
import { type Exchange, FakeDiscord, fakeDiscordConfig } from '../discord/fake-discord.js';
import {
  button,
  CHANNEL_ID,
  GUILD_ID,
  type Who as Identity,
  modalSubmit,
  slashCommand,
} from '../discord/interaction-payloads.js';
import { makeEngine } from '../helpers/engine-fixture.js';
import type { ContractDriver, Outcome, SeenBy, Send, Who } from './contract-driver.js';
import { type EngineCall, recordEngineCalls, viewSince } from './engine-calls.js';
import { waitUntil } from './wait-until.js';

const TOKEN = 'contract-bot-token-0123456789';
const EPHEMERAL = 64;
const MEMBER = { id: '1000000000000000001', name: 'Ada' };
const ADMIN = { id: '1000000000000000002', name: 'Grace' };

const identity = (who: Who): Identity =>
  who.admin
    ? { userId: ADMIN.id, username: 'grace', globalName: ADMIN.name, admin: true, dm: who.dm }
    : { admin: false, dm: who.dm };

const isPrivate = (flags: unknown): boolean => (Number(flags ?? 0) & EPHEMERAL) !== 0;
const isPrivateNote = (view: View): boolean =>
  view.kind === 'confirm' || (view.kind === 'notice' && view.tone === 'error');

/**
 * Who saw what the bot sent for one interaction. A deferral (5) shows a
 * "thinking…" message, private or public by its flags, until it is edited or
 * deleted; Discord turns the first follow-up after a deferral into that
 * message, so a follow-up counts as private only once the deferral is gone.
 * A deferred update (6) edits the message the button is on. A modal (9) is
 * the caller's. The adapter edits and deletes before it follows up.
 */
function seenByExchange(exchange: Exchange, buttonMessageFlags: number): SeenBy {
  const callback = exchange.callback;
  if (!callback) return 'nobody';
  if (callback.type === 9) return 'caller';
  const original = callback.type === 6 ? isPrivate(buttonMessageFlags) : isPrivate(callback.data?.flags);
  const shown: boolean[] = [];
  if (callback.type === 4) shown.push(original);
  let deferralShowing = callback.type === 5;
  if (exchange.edits.length > 0) {
    shown.push(original);
    deferralShowing = false;
  }
  if (exchange.deletes > 0) deferralShowing = false;
  for (const followUp of exchange.followUps) {
    shown.push(deferralShowing ? original : isPrivate(followUp.flags));
    deferralShowing = false;
  }
  if (deferralShowing) shown.push(original);
  return shown.every(Boolean) ? 'caller' : 'channel';
}

export class DiscordContractDriver implements ContractDriver {
  readonly shows = 'per-audience' as const;

  private constructor(
    readonly engine: DrillEngine,
    private readonly calls: EngineCall[],
    private readonly fake: FakeDiscord,
    private readonly bot: Awaited<ReturnType<typeof startDiscord>>,
  ) {}

  static async start(store: Store): Promise<DiscordContractDriver> {
    const fake = await FakeDiscord.start({ guildIds: [GUILD_ID] });
    const { engine } = makeEngine(store);
    const calls = recordEngineCalls(engine);
    const bot = await startDiscord({
      config: fakeDiscordConfig(fake.apiUrl, TOKEN),
      engine,
      logger: createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent', secrets: [TOKEN] }),
    });
    return new DiscordContractDriver(engine, calls, fake, bot);
  }

  async stop(): Promise<void> {
    await this.bot.stop();
    await this.fake.close();
  }

  preparer(who: Who): Actor {
    const { id, name } = who.admin ? ADMIN : MEMBER;
    return {
      platform: 'discord',
      teamId: GUILD_ID,
      channelId: CHANNEL_ID,
      userId: id,
      userName: name,
      isAdmin: true,
      inChannel: true,
    };
  }

  async ready(useCase: UseCase, input: Readonly<Record<string, string>>, who: Who): Promise<Send> {
    const as = identity(who);
    if (useCase.trigger === 'command')
      return () => this.send(useCase, () => slashCommand(useCase.name, input, as));
    const question = input.question ?? '';
    switch (useCase.name) {
      case 'reveal':
        return () => this.send(useCase, () => button(revealId(question), as));
      case 'grade': {
        const grade = input.grade ?? '';
        if (!isGrade(grade)) throw new Error(`no grade button for "${grade}"`);
        return () => this.send(useCase, () => button(gradeId(question, grade), as));
      }
      case 'write': {
        // *Write my answer* opens the modal; each send submits it.
        const opened = await this.fake.interact(button(writeId(question), as));
        if (opened.callback?.type !== 9)
          throw new Error(`the write button did not open a modal: ${JSON.stringify(opened.callback)}`);
        return () => this.send(useCase, () => modalSubmit(question, input.text ?? '', as));
      }
      default:
        throw new Error(`the Discord contract driver has no button for the use case "${useCase.name}"`);
    }
  }

  async readyConfirm(useCase: UseCase, who: Who): Promise<Send> {
    const as = identity(who);
    return () =>
      this.send(
        useCase,
        () => {
          const click = button(confirmId(useCase.name), as);
          // The button sits on the prompt, which was the caller's alone (the suite checks that first).
          click.message.flags = EPHEMERAL;
          return click;
        },
        EPHEMERAL,
      );
  }

  /** One interaction (a fresh id each time, as a second click is), answered in full. */
  // biome-ignore lint/suspicious/noExplicitAny: an interaction payload
  private async send(useCase: UseCase, payload: () => any, buttonMessageFlags = 0): Promise<Outcome> {
    const from = this.calls.length;
    const exchange = await this.fake.interact(payload());
    const view = viewSince(this.calls, from, useCase.name);
    if (!view) return { view, seenBy: seenByExchange(exchange, buttonMessageFlags) };
    // Everything the adapter sends for this view: one private note, or every message it renders to.
    const expected = isPrivateNote(view) ? 1 : renderView(view).length;
    await waitUntil(
      () => exchange.edits.length + exchange.followUps.length >= expected,
      `all ${expected} message(s) answering ${useCase.name}`,
    );
    return { view, seenBy: seenByExchange(exchange, buttonMessageFlags) };
  }
}
