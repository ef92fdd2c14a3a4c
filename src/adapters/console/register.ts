import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Actor, ChannelRef } from '../../core/types.js';
import type { QuestionCardView, View } from '../../core/views.js';
import type { DrillEngine } from '../../runtime/engine.js';
import type { ChannelPoster, PostOutcome } from '../../scheduler/channel-poster.js';
import { type ConsoleDisplay, displayOf } from './display.js';
import { renderText } from './render.js';
import { CONSOLE_HINT, type ConsoleCall, translateLine } from './translate.js';

export interface ConsoleSession {
  /** Resolves when input ends or the user types quit. */
  done: Promise<void>;
  poster: ChannelPoster;
}

/**
 * The terminal adapter: one local channel, one local user. Lines are handled
 * in order, so a piped script behaves like a person typing.
 */
export function startConsole(options: {
  engine: DrillEngine;
  actor: Actor;
  input: Readable;
  output: Writable;
  /** Styled and wrapped, or plain; by default what the output is (a terminal, read at each write, or a pipe). */
  display?: () => ConsoleDisplay;
}): ConsoleSession {
  const { engine, actor, input, output } = options;
  const display = options.display ?? (() => displayOf(output));
  const write = (text: string) => output.write(`${text}\n`);
  let current: string | null = null;

  const show = (view: View) => {
    if (view.kind === 'question') current = view.question.id;
    if (view.kind === 'reveal' || view.kind === 'answer-saved' || view.kind === 'graded')
      current = view.question.id;
    write(renderText(view, display()));
  };

  const poster: ChannelPoster = {
    platform: 'console',
    postsPerSecond: 10,
    async post(channel: ChannelRef, card: QuestionCardView): Promise<PostOutcome> {
      if (channel.channelId !== actor.channelId)
        return { ok: false, kind: 'gone', reason: 'not this console' };
      write(`\n[daily post]\n${renderText(card, display())}`);
      current = card.question.id;
      return { ok: true, messageId: null };
    },
  };

  /** The use case of the last confirmation prompt on screen; `confirm` runs it. */
  let pending: string | null = null;

  const run = async (call: ConsoleCall) => {
    const input = call.onCurrentQuestion ? { ...call.input, question: current ?? '' } : call.input;
    if (call.onCurrentQuestion && !current) {
      write('No question yet: try /drill today or /drill ask first.');
      return;
    }
    const view = await engine.run(actor, call.name, input, { confirmed: call.confirmed ?? false });
    pending = view.kind === 'confirm' ? view.useCase : null;
    show(view);
  };

  const handle = async (line: string): Promise<boolean> => {
    const parsed = translateLine(line, engine.useCases);
    switch (parsed.kind) {
      case 'empty':
        return true;
      case 'quit':
        return false;
      case 'hint':
        write(parsed.text);
        return true;
      case 'help':
        show(await engine.run(actor, 'help'));
        write(`Console: answer <text>, reveal, grade nailed|partly|missed, confirm, quit. ${CONSOLE_HINT}`);
        return true;
      case 'confirm':
        if (!pending) write('Nothing to confirm.');
        else await run({ name: pending, input: {}, confirmed: true });
        return true;
      case 'call':
        await run(parsed.call);
        return true;
    }
  };

  const done = (async () => {
    write('Interview Drill — console. Type help for commands, quit to leave.');
    show(await engine.run(actor, 'today'));
    const lines = createInterface({ input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) {
      if (!(await handle(line))) break;
    }
    lines.close();
  })();

  return { done, poster };
}
