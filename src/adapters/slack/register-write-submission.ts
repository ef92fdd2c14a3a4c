import type { App, webApi } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import { WRITE_MODAL_BLOCK, WRITE_MODAL_CALLBACK, WRITE_MODAL_INPUT } from './action-ids.js';
import type { ListenerDeps } from './listener-deps.js';
import { renderView } from './render-view.js';
import { skipRetries } from './skip-retries.js';
import type { SlackMessage } from './slack-message.js';
import { decodeWriteModalMetadata } from './translate-action.js';
import { actorFromViewSubmission } from './translate-actor.js';

/**
 * Ephemeral in the channel; where the bot is not a member (someone else's
 * DM, a channel it was never invited to) the reply goes to the user's DM with the app.
 */
async function tellUser(
  client: webApi.WebClient,
  logger: Logger,
  to: { channel: string; user: string },
  reply: SlackMessage,
) {
  try {
    await client.chat.postEphemeral({ ...to, ...reply });
  } catch (error) {
    logger.info({ err: error, channel: to.channel }, 'slack ephemeral reply failed; replying in the app DM');
    await client.chat.postMessage({ channel: to.user, ...reply });
  }
}

/** The modal's Save: stores the answer through the core, then offers the reveal. */
export function registerWriteSubmission(app: App, deps: ListenerDeps): void {
  app.view(
    { type: 'view_submission', callback_id: WRITE_MODAL_CALLBACK },
    skipRetries(deps.logger),
    async ({ ack, body, view, client }) => {
      await ack();
      const meta = decodeWriteModalMetadata(view.private_metadata);
      const actor =
        meta && body.type === 'view_submission' ? actorFromViewSubmission(body, meta.channelId) : null;
      if (!meta || !actor) {
        deps.logger.warn({ callbackId: view.callback_id }, 'slack write submission without usable metadata');
        return;
      }
      const text = view.state?.values?.[WRITE_MODAL_BLOCK]?.[WRITE_MODAL_INPUT]?.value ?? '';
      const saved = await deps.engine.run(actor, 'write', { question: meta.questionId, text });
      await tellUser(
        client,
        deps.logger,
        { channel: actor.channelId, user: actor.userId },
        renderView(saved),
      );
    },
  );
}
