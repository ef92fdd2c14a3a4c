import type { App } from '@slack/bolt';
import { FORGET_CONFIRM_ACTION } from './action-ids.js';
import type { ListenerDeps } from './listener-deps.js';
import { renderView } from './render-view.js';
import { skipRetries } from './skip-retries.js';
import { ephemeral } from './slack-message.js';
import { actorFromBlockAction } from './translate-actor.js';

/** The forget-me confirmation button: deletes the clicker's data, then says so in place of the question. */
export function registerForgetConfirmButton(app: App, deps: ListenerDeps): void {
  app.action(
    { type: 'block_actions', action_id: FORGET_CONFIRM_ACTION },
    skipRetries(deps.logger),
    async ({ ack, body, respond }) => {
      await ack();
      const actor = actorFromBlockAction(body);
      if (!actor) return;
      const view = await deps.engine.action(actor, { name: 'forget-confirm' });
      await respond({ ...ephemeral(renderView(view)), replace_original: true });
    },
  );
}
