import { WRITE_ACTION } from './action-ids.js';
import type { ButtonClick } from './button-click.js';
import type { ListenerDeps } from './listener-deps.js';
import { renderNotice } from './render-view.js';
import { renderWriteModal } from './render-write-modal.js';
import { ephemeral } from './slack-message.js';
import { encodeWriteModalMetadata, isQuestionId } from './translate-action.js';
import { actorFromBlockAction } from './translate-actor.js';

/** *Write my answer*: opens the modal at once (the trigger_id expires in 3 seconds). */
export function writeButton(deps: ListenerDeps): ButtonClick {
  return {
    matches: (id) => id === WRITE_ACTION,
    answer: ({ body, action, client, respond }) => {
      const actor = actorFromBlockAction(body);
      const questionId = action.type === 'button' ? action.value : undefined;
      const triggerId = body.trigger_id;
      return async () => {
        // The team's bank (its own packs too) is almost always cached: the modal opens well within the trigger's 3 s.
        const bank = actor && isQuestionId(questionId) ? await deps.engine.bankOf(actor) : undefined;
        const question = questionId ? bank?.get(questionId) : undefined;
        if (!actor || !question) {
          await respond(
            ephemeral(
              renderNotice({ kind: 'notice', tone: 'error', text: 'That question is no longer available.' }),
            ),
          );
          return;
        }
        const metadata = encodeWriteModalMetadata({ questionId: question.id, channelId: actor.channelId });
        await client.views.open({ trigger_id: triggerId, view: renderWriteModal(question, metadata) });
      };
    },
  };
}
