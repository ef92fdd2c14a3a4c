import type { EngineDeps } from './engine-deps.js';
import type { ChannelRef } from './types.js';

/** A channel's time zone: its schedule's, else the default. Days, streaks and weeks use it. */
export async function channelZone(deps: EngineDeps, ref: ChannelRef): Promise<string> {
  const channel = await deps.store.channels.get(ref);
  return channel?.timezone ?? deps.defaultTimeZone;
}
