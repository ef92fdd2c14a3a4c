import type { EngineDeps } from './engine-deps.js';
import type { Actor } from './types.js';
import type { ForgetConfirmView, NoticeView } from './views.js';

export async function setPrivacy(
  deps: EngineDeps,
  actor: Actor,
  mode: 'visible' | 'hidden',
): Promise<NoticeView> {
  await deps.store.users.setHidden(actor, mode === 'hidden', deps.clock());
  return {
    kind: 'notice',
    tone: 'success',
    text:
      mode === 'hidden'
        ? 'You are hidden: boards show you as "anonymous" and others cannot see your stats.'
        : 'You are visible: boards show your name.',
  };
}

/** Nothing is deleted until the user confirms. */
export async function forgetMe(
  deps: EngineDeps,
  actor: Actor,
  confirm: boolean,
): Promise<ForgetConfirmView | NoticeView> {
  if (!confirm) return { kind: 'forget-confirm' };
  await deps.store.users.forget(actor);
  return {
    kind: 'notice',
    tone: 'success',
    text: 'Done: every answer, grade, point, streak, review card and setting about you is deleted.',
  };
}
