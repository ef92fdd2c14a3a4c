import { userInfo } from 'node:os';
import type { Actor } from '../../core/types.js';

/** The one local user in the one local channel: the person at the terminal, who may set schedules. */
export function consoleActor(): Actor {
  const name = userInfo().username || 'you';
  return {
    platform: 'console',
    teamId: 'local',
    channelId: 'console',
    userId: name,
    userName: name,
    isAdmin: true,
    inChannel: true,
  };
}
