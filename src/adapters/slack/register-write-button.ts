import type { App } from '@slack/bolt';
import { WRITE_ACTION } from './action-ids.js';
import type { ListenerDeps } from './listener-deps.js';
import { renderNotice } from './render-view.js';
import { renderWriteModal } from './render-write-modal.js';
import { skipRetries } from './skip-retries.js';
import { ephemeral } from './slack-message.js';
import { encodeWriteModalMetadata, isQuestionId } from './translate-action.js';
import { actorFromBlockAction } from './translate-actor.js';

/** *Write my answer*: opens the modal at once (the trigger_id expires in 3 seconds). */
export function registerWriteButton(app: App, deps: ListenerDeps): void {
  app.action(
    { type: 'block_actions', action_id: WRITE_ACTION },
    skipRetries(deps.logger),
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const actor = actorFromBlockAction(body);
      const questionId = action.type === 'button' ? action.value : undefined;
      const question = isQuestionId(questionId) ? deps.engine.bank.get(questionId) : undefined;
      if (!actor || !question) {
        await respond(
          ephemeral(
            renderNotice({ kind: 'notice', tone: 'error', text: 'That question is no longer available.' }),
          ),
        );
        return;
      }
      const metadata = encodeWriteModalMetadata({ questionId: question.id, channelId: actor.channelId });
      await client.views.open({ trigger_id: body.trigger_id, view: renderWriteModal(question, metadata) });
    },
  );
}
