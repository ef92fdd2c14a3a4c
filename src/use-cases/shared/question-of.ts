import type { EngineDeps } from '../../core/engine-deps.js';
import { DrillError } from '../../core/errors.js';
import type { TeamRef } from '../../core/team-banks.js';
import type { Question } from '../../core/types.js';

/** The team's question with this id, or a clear error (a stale button, a forged id, a removed pack). */
export async function questionOf(deps: EngineDeps, team: TeamRef, id: unknown): Promise<Question> {
  const question = typeof id === 'string' ? (await deps.banks.forTeam(team)).get(id) : undefined;
  if (!question) throw new DrillError(`There is no question "${String(id)}".`);
  return question;
}
