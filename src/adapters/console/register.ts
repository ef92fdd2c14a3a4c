import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { DrillEngine } from '../../core/engine.js';
import type { Actor, ChannelRef } from '../../core/types.js';
import type { QuestionCardView, View } from '../../core/views.js';
import type { ChannelPoster, PostOutcome } from '../../scheduler/channel-poster.js';
import { renderText } from './render.js';
import { CONSOLE_HINT, translateLine } from './translate.js';

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
}): ConsoleSession {
  const { engine, actor, input, output } = options;
  const write = (text: string) => output.write(`${text}\n`);
  let current: string | null = null;

  const show = (view: View) => {
    if (view.kind === 'question') current = view.question.id;
    if (view.kind === 'reveal' || view.kind === 'answer-saved' || view.kind === 'graded')
      current = view.question.id;
    write(renderText(view));
  };

  const poster: ChannelPoster = {
    platform: 'console',
    postsPerSecond: 10,
    async post(channel: ChannelRef, card: QuestionCardView): Promise<PostOutcome> {
      if (channel.channelId !== actor.channelId)
        return { ok: false, kind: 'gone', reason: 'not this console' };
      write(`\n[daily post]\n${renderText(card)}`);
      current = card.question.id;
      return { ok: true, messageId: null };
    },
  };

  const handle = async (line: string): Promise<boolean> => {
    const parsed = translateLine(line);
    switch (parsed.kind) {
      case 'empty':
        return true;
      case 'quit':
        return false;
      case 'hint':
        write(parsed.text);
        return true;
      case 'help':
        show(await engine.command(actor, { name: 'help' }));
        write(`Console: answer <text>, reveal, grade nailed|partly|missed, quit. ${CONSOLE_HINT}`);
        return true;
      case 'command':
        show(await engine.command(actor, parsed.command));
        return true;
      case 'action': {
        const action =
          typeof parsed.action === 'function' ? (current ? parsed.action(current) : null) : parsed.action;
        if (!action) write('No question yet: try /drill today or /drill ask first.');
        else show(await engine.action(actor, action));
        return true;
      }
    }
  };

  const done = (async () => {
    write('Interview Drill — console. Type help for commands, quit to leave.');
    show(await engine.command(actor, { name: 'today' }));
    const lines = createInterface({ input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) {
      if (!(await handle(line))) break;
    }
    lines.close();
  })();

  return { done, poster };
}
