import { FORGET_CONFIRM_ACTION } from './action-ids.js';
import type { ButtonClick } from './button-click.js';
import type { ListenerDeps } from './listener-deps.js';
import { renderView } from './render-view.js';
import { ephemeral } from './slack-message.js';
import { actorFromBlockAction } from './translate-actor.js';

/** The forget-me confirmation button: deletes the clicker's data, then says so in place of the question. */
export function forgetConfirmButton(deps: ListenerDeps): ButtonClick {
  return {
    matches: (id) => id === FORGET_CONFIRM_ACTION,
    answer: ({ body, respond }) => {
      const actor = actorFromBlockAction(body);
      if (!actor) return null;
      return async () => {
        const view = await deps.engine.action(actor, { name: 'forget-confirm' });
        await respond({ ...ephemeral(renderView(view)), replace_original: true });
      };
    },
  };
}
