import { and, eq, type SQL } from 'drizzle-orm';
import type { ChannelRef, UserRef } from '../core/types.js';

type Keyed = { platform: Parameters<typeof eq>[0]; teamId: Parameters<typeof eq>[0] };

/** WHERE platform = … AND team_id = …: the prefix of every key. */
export function teamIs(table: Keyed, ref: { platform: string; teamId: string }): SQL {
  return and(eq(table.platform, ref.platform), eq(table.teamId, ref.teamId))!;
}

export function channelIs(table: Keyed & { channelId: Parameters<typeof eq>[0] }, ref: ChannelRef): SQL {
  return and(teamIs(table, ref), eq(table.channelId, ref.channelId))!;
}

export function userIs(table: Keyed & { userId: Parameters<typeof eq>[0] }, ref: UserRef): SQL {
  return and(teamIs(table, ref), eq(table.userId, ref.userId))!;
}
