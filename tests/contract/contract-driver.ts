/**
 * What the contract suite needs of a platform: send a use case's call the way
 * a person would on it, and say what the engine answered and who saw it.
 */
import type { Actor } from '../../src/core/types.js';
import type { UseCase } from '../../src/core/use-case.js';
import type { View } from '../../src/core/views.js';
import type { DrillEngine } from '../../src/runtime/engine.js';

/** Who calls: an admin or not, in a direct message or in the channel. */
export interface Who {
  readonly admin: boolean;
  readonly dm: boolean;
}

/**
 * Who the platform showed the answer to. The console has one person at one
 * terminal, so there it is `terminal` when the answer was printed on it.
 */
export type SeenBy = 'caller' | 'channel' | 'terminal' | 'nobody';

export interface Outcome {
  /** What the engine returned for the call; null when the adapter answered without the engine. */
  view: View | null;
  seenBy: SeenBy;
}

/** One click or one typed line; calling it twice is a double click. Resolves once the answer has arrived. */
export type Send = () => Promise<Outcome>;

export interface ContractDriver {
  /** The engine the adapter calls, its `run` recording what it returns. */
  readonly engine: DrillEngine;
  /** `per-audience`: the platform can show an answer to the caller alone or to the channel. */
  readonly shows: 'per-audience' | 'one-terminal';
  /** The person `who` stands for, as an admin in the channel: what prepare steps run as. */
  preparer(who: Who): Actor;
  /**
   * Gets a call ready the way a person would (a question on screen, the answer
   * form open) and returns its send. Getting ready may write (the console greets
   * with today's question); the send is the call itself.
   */
  ready(useCase: UseCase, input: Readonly<Record<string, string>>, who: Who): Promise<Send>;
  /** The confirm button of the prompt the last send showed (the console: the word `confirm`). */
  readyConfirm(useCase: UseCase, who: Who): Promise<Send>;
}
