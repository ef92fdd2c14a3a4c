import type { EngineDeps } from '../../core/engine-deps.js';
import type { AttemptKey } from '../../core/ports.js';
import type { Actor, Question } from '../../core/types.js';
import { localDateOf } from '../../rules/time-zone.js';
import { channelZone } from './channel-zone.js';

/** Today's attempt in the channel's zone; daily when it is the channel's question of the day. */
export async function attemptKey(
  deps: EngineDeps,
  actor: Actor,
  question: Question,
): Promise<{ key: AttemptKey; isDaily: boolean }> {
  const zone = await channelZone(deps, actor);
  const localDate = localDateOf(deps.clock(), zone);
  const daily = await deps.store.dailyPosts.get(actor, localDate);
  return {
    key: {
      platform: actor.platform,
      teamId: actor.teamId,
      channelId: actor.channelId,
      userId: actor.userId,
      questionId: question.id,
      localDate,
    },
    isDaily: daily?.questionId === question.id,
  };
}
