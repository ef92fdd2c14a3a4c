import type { Actor } from '../../src/core/types.js';
import type { View } from '../../src/core/views.js';
import type { DrillEngine } from '../../src/runtime/engine.js';

export interface EngineCall {
  actor: Actor;
  name: string;
  confirmed: boolean;
  view: View;
}

/**
 * Wraps the engine's `run` so every call goes through unchanged and its
 * answer is recorded: how the suite knows which view an adapter rendered.
 */
export function recordEngineCalls(engine: DrillEngine): EngineCall[] {
  const calls: EngineCall[] = [];
  const run = engine.run.bind(engine);
  engine.run = async (actor, name, raw, options) => {
    const view = await run(actor, name, raw, options);
    calls.push({ actor, name, confirmed: options?.confirmed ?? false, view });
    return view;
  };
  return calls;
}

/** The view of the first call of `name` recorded since `from` (a length of `calls` taken before sending). */
export function viewSince(calls: readonly EngineCall[], from: number, name: string): View | null {
  return calls.slice(from).find((c) => c.name === name)?.view ?? null;
}
