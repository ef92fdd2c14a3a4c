/**
 * The contract's console: startConsole on streams, as a person types at the
 * terminal. Commands are `/drill …` lines; the buttons are the console's own
 * words on the question on screen (`reveal`, `answer <text>`, `grade <grade>`),
 * put there first with `/drill ask`; the confirmation is the word `confirm`.
 * One person at one terminal: an answer reaches who it should when it is
 * printed on that terminal (there is no channel to leak to).
 */
import { PassThrough, Writable } from 'node:stream';
import { startConsole } from '../../src/adapters/console/register.js';
import { renderText } from '../../src/adapters/console/render.js';
import type { Store } from '../../src/core/ports.js';
import type { Actor } from '../../src/core/types.js';
import type { UseCase } from '../../src/core/use-case.js';
import type { DrillEngine } from '../../src/runtime/engine.js';
import { makeEngine } from '../helpers/engine-fixture.js';
import { commandText } from './command-text.js';
import type { ContractDriver, Outcome, Send, Who } from './contract-driver.js';
import { type EngineCall, recordEngineCalls, viewSince } from './engine-calls.js';
import { waitUntil } from './wait-until.js';

/** The console's person; `who` decides whether they are an admin and whether this is a direct message. */
function actorOf(who: Who, admin = who.admin, inChannel = !who.dm): Actor {
  return {
    platform: 'console',
    teamId: 'local',
    channelId: inChannel ? 'console' : 'console-direct',
    userId: 'you',
    userName: 'you',
    isAdmin: admin,
    inChannel,
  };
}

/** One terminal: what was typed in, everything printed out. */
class Terminal {
  printed = '';
  private syncs = 0;
  private readonly input = new PassThrough();
  private readonly done: Promise<void>;

  constructor(engine: DrillEngine, actor: Actor) {
    const output = new Writable({
      write: (chunk, _encoding, callback) => {
        this.printed += String(chunk);
        callback();
      },
    });
    this.done = startConsole({ engine, actor, input: this.input, output }).done;
  }

  type(line: string): void {
    this.input.write(`${line}\n`);
  }

  /**
   * Waits until every line typed so far has been answered, and returns where
   * in `printed` those answers end. Lines are handled in order and an unknown
   * word is answered at once, without the engine, so its answer appearing
   * means every line before it is done.
   */
  async settled(): Promise<number> {
    this.syncs += 1;
    const marker = `Unknown input "sync-${this.syncs}"`;
    this.type(`sync-${this.syncs}`);
    await waitUntil(() => this.printed.includes(marker), `the console to answer ${marker}`);
    return this.printed.indexOf(marker);
  }

  async close(): Promise<void> {
    this.input.end();
    await this.done;
  }
}

/** The line a console user types for a use case. */
function lineFor(useCase: UseCase, input: Readonly<Record<string, string>>): string {
  if (useCase.trigger === 'command') return `/drill ${commandText(useCase, input)}`;
  switch (useCase.name) {
    case 'reveal':
      return 'reveal';
    case 'write':
      return `answer ${input.text ?? ''}`;
    case 'grade':
      return `grade ${input.grade ?? ''}`;
    default:
      throw new Error(`the console contract driver has no word for the use case "${useCase.name}"`);
  }
}

export class ConsoleContractDriver implements ContractDriver {
  readonly shows = 'one-terminal' as const;
  private terminal: Terminal | null = null;

  private constructor(
    readonly engine: DrillEngine,
    private readonly calls: EngineCall[],
  ) {}

  static start(store: Store): ConsoleContractDriver {
    const { engine } = makeEngine(store);
    return new ConsoleContractDriver(engine, recordEngineCalls(engine));
  }

  async stop(): Promise<void> {
    await this.terminal?.close();
    this.terminal = null;
  }

  preparer(who: Who): Actor {
    return actorOf(who, true, true);
  }

  /** A new session each time (its greeting shows today's question), then the question on screen for the words that act on it. */
  async ready(useCase: UseCase, input: Readonly<Record<string, string>>, who: Who): Promise<Send> {
    await this.stop();
    const terminal = new Terminal(this.engine, actorOf(who));
    this.terminal = terminal;
    if (useCase.trigger === 'button') terminal.type(`/drill ask ${input.question ?? ''}`);
    await terminal.settled();
    const line = lineFor(useCase, input);
    return () => this.send(terminal, useCase, line);
  }

  async readyConfirm(useCase: UseCase): Promise<Send> {
    const terminal = this.terminal;
    if (!terminal) throw new Error('confirm typed before any session showed a prompt');
    return () => this.send(terminal, useCase, 'confirm');
  }

  /** Two sends at once type both lines before either is answered: the terminal's double click. */
  private async send(terminal: Terminal, useCase: UseCase, line: string): Promise<Outcome> {
    const from = this.calls.length;
    const printedBefore = terminal.printed.length;
    terminal.type(line);
    const answersEnd = await terminal.settled();
    const answers = terminal.printed.slice(printedBefore, answersEnd);
    // Without the engine (a second `confirm` finds nothing to confirm), whatever the console said instead.
    const view = viewSince(this.calls, from, useCase.name);
    const printed = view ? answers.includes(renderText(view)) : answers.trim() !== '';
    return { view, seenBy: printed ? 'terminal' : 'nobody' };
  }
}
