import { GRADE_ACTION_PATTERN, REVEAL_ACTION } from './action-ids.js';
import type { ButtonClick } from './button-click.js';
import type { ListenerDeps } from './listener-deps.js';
import { renderView } from './render-view.js';
import { replyFor } from './slack-message.js';
import { translateButton } from './translate-action.js';
import { actorFromBlockAction } from './translate-actor.js';

/**
 * *Show answer* (the model answer, only to the person who clicked) and
 * Nailed it / Partly / Missed. A double click or a resend grades once: the
 * core's grade is idempotent.
 */
export function questionButtons(deps: ListenerDeps): ButtonClick {
  return {
    matches: (id) => id === REVEAL_ACTION || GRADE_ACTION_PATTERN.test(id),
    answer: ({ body, action, respond }) => {
      const actor = actorFromBlockAction(body);
      const drill = action.type === 'button' ? translateButton(action.action_id, action.value) : null;
      if (!actor || !drill || drill.confirmed) {
        deps.logger.warn({ actionId: action.action_id }, 'slack question click without channel or question');
        return null;
      }
      const useCase = deps.engine.useCase(drill.name);
      if (!useCase) return null;
      return async () => {
        const view = await deps.engine.run(actor, drill.name, drill.input);
        await respond(replyFor(useCase, view, renderView(view)));
      };
    },
  };
}
