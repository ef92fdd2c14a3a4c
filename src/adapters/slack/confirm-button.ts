import { CONFIRM_ACTION } from './action-ids.js';
import type { ButtonClick } from './button-click.js';
import type { ListenerDeps } from './listener-deps.js';
import { renderView } from './render-view.js';
import { ephemeral } from './slack-message.js';
import { translateButton } from './translate-action.js';
import { actorFromBlockAction } from './translate-actor.js';

/** The confirm button of a use case that asks first (forget-me): runs it, then says so in place of the prompt. */
export function confirmButton(deps: ListenerDeps): ButtonClick {
  return {
    matches: (id) => id === CONFIRM_ACTION,
    answer: ({ body, action, respond }) => {
      const actor = actorFromBlockAction(body);
      const call = action.type === 'button' ? translateButton(action.action_id, action.value) : null;
      if (!actor || !call) return null;
      return async () => {
        const view = await deps.engine.run(actor, call.name, call.input, { confirmed: true });
        await respond({ ...ephemeral(renderView(view)), replace_original: true });
      };
    },
  };
}
