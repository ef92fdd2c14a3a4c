import type { EngineDeps } from '../../core/engine-deps.js';
import { DrillError } from '../../core/errors.js';
import type { Question } from '../../core/types.js';

/** The bank's question with this id, or a clear error (a stale button, a forged id). */
export function questionOf(deps: EngineDeps, id: unknown): Question {
  const question = typeof id === 'string' ? deps.bank.get(id) : undefined;
  if (!question) throw new DrillError(`There is no question "${String(id)}".`);
  return question;
}
