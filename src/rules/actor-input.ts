import type { Actor } from '../core/types.js';

// Ids are the platform's own: short and printable. Anything else is a forged or broken payload.
const ID = /^\P{Cc}{1,100}$/u;

export function isValidActor(actor: Actor): boolean {
  return [actor.teamId, actor.channelId, actor.userId].every((v) => typeof v === 'string' && ID.test(v));
}

/** The name boards show: printable, at most 80 characters, else the user id. */
export function displayName(actor: Actor): string {
  const name = typeof actor.userName === 'string' ? actor.userName.replace(/\p{Cc}/gu, '').trim() : '';
  return name.slice(0, 80) || actor.userId;
}
