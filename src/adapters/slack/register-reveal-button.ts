import type { App } from '@slack/bolt';
import { REVEAL_ACTION } from './action-ids.js';
import type { ListenerDeps } from './listener-deps.js';
import { renderView } from './render-view.js';
import { skipRetries } from './skip-retries.js';
import { ephemeral } from './slack-message.js';
import { translateButton } from './translate-action.js';
import { actorFromBlockAction } from './translate-actor.js';

/** *Show answer*: the model answer, only to the person who clicked. */
export function registerRevealButton(app: App, deps: ListenerDeps): void {
  app.action(
    { type: 'block_actions', action_id: REVEAL_ACTION },
    skipRetries(deps.logger),
    async ({ ack, body, action, respond }) => {
      await ack();
      const actor = actorFromBlockAction(body);
      const drill = action.type === 'button' ? translateButton(action.action_id, action.value) : null;
      if (!actor || drill?.name !== 'reveal') {
        deps.logger.warn({ actionId: action.action_id }, 'slack reveal click without channel or question');
        return;
      }
      await respond(ephemeral(renderView(await deps.engine.action(actor, drill))));
    },
  );
}
