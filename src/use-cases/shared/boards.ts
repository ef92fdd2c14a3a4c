import type { EngineDeps } from '../../core/engine-deps.js';
import { TEAM_SCOPE } from '../../core/ports.js';
import type { Actor } from '../../core/types.js';
import type { BoardView } from '../../core/views.js';
import type { Period } from '../../rules/periods.js';
import { boardName, rankByPoints } from '../../rules/ranking.js';
import { channelPeriodStart } from './channel-zone.js';

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
