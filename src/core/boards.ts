import { channelZone } from './channel-zone.js';
import type { EngineDeps } from './engine-deps.js';
import { type Period, periodStart } from './periods.js';
import { TEAM_SCOPE } from './ports.js';
import { boardName, rankByPoints } from './ranking.js';
import { localDateOf } from './time-zone.js';
import type { Actor } from './types.js';
import type { BoardView } from './views.js';

export const BOARD_SIZE = 10;

/** Top ten from the pre-aggregated rows, plus the caller's own rank wherever they stand. */
export async function leaderboard(
  deps: EngineDeps,
  actor: Actor,
  period: Period,
  scope: 'channel' | 'server',
): Promise<BoardView> {
  const { store } = deps;
  const today = localDateOf(deps.clock(), await channelZone(deps, actor));
  const bucket = {
    scopeChannelId: scope === 'server' ? TEAM_SCOPE : actor.channelId,
    period,
    periodStart: periodStart(period, today),
  };
  const top = await store.scores.top(actor, bucket, BOARD_SIZE);
  const rows = rankByPoints(top).map((r) => ({
    rank: r.rank,
    name: boardName(r, actor.userId),
    points: r.points,
    answered: r.answered,
    isCaller: r.userId === actor.userId,
  }));
  let caller: BoardView['caller'] = null;
  if (!rows.some((r) => r.isCaller)) {
    const own = await store.scores.get(actor, bucket);
    if (own) {
      caller = {
        rank: 1 + (await store.scores.countAbove(actor, bucket, own.points)),
        name: boardName(own, actor.userId),
        points: own.points,
        answered: own.answered,
        isCaller: true,
      };
    }
  }
  return { kind: 'board', period, scope, periodStart: bucket.periodStart, rows, caller };
}
