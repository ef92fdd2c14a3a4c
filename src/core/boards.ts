import { channelPeriodStart } from './channel-zone.js';
import type { EngineDeps } from './engine-deps.js';
import type { Period } from './periods.js';
import { TEAM_SCOPE } from './ports.js';
import { boardName, rankByPoints } from './ranking.js';
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
  const bucket = {
    scopeChannelId: scope === 'server' ? TEAM_SCOPE : actor.channelId,
    period,
    periodStart: await channelPeriodStart(deps, actor, period),
  };
  const { top, caller: own } = await store.scores.board(actor, bucket, BOARD_SIZE, actor.userId);
  const rows = rankByPoints(top).map((r) => ({
    rank: r.rank,
    name: boardName(r, actor.userId),
    points: r.points,
    answered: r.answered,
    isCaller: r.userId === actor.userId,
  }));
  const caller: BoardView['caller'] =
    own && !rows.some((r) => r.isCaller)
      ? {
          rank: 1 + own.above,
          name: boardName(own, actor.userId),
          points: own.points,
          answered: own.answered,
          isCaller: true,
        }
      : null;
  return { kind: 'board', period, scope, periodStart: bucket.periodStart, rows, caller };
}
