import {
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type InteractionWebhook,
  MessageFlags,
  type RepliableInteraction,
} from 'discord.js';
import type { View } from '../../core/views.js';
import type { Logger } from '../../logger.js';
import { SOMETHING_WENT_WRONG } from '../../runtime/engine.js';
import type { DiscordMessage } from './message-layout.js';
import { renderView } from './render-view.js';

/**
 * How an interaction is answered. Every one is acknowledged first (a deferred
 * reply, within Discord's 3 seconds however slow the database is), then the
 * deferred message is edited:
 * - public: a reply the channel sees (a question card, a board);
 * - ephemeral: a reply only the clicker sees (a reveal, stats);
 * - update: edits the message the button is on (a confirmation prompt).
 * Error notices and confirmation prompts are always ephemeral.
 */
export type ReplyMode = 'public' | 'ephemeral' | 'update';

const COULD_NOT_SHOW = 'Something went wrong showing the result. Please try again in a moment.';

/** Nothing a user typed may ping anyone: no parsed mentions on any message we send. */
export const noMentions = (): { parse: [] } => ({ parse: [] });

function replyPayload(message: DiscordMessage, ephemeral: boolean): InteractionReplyOptions {
  return {
    ...(message.content ? { content: message.content } : {}),
    embeds: message.embeds,
    components: message.components,
    allowedMentions: noMentions(),
    ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

function editPayload(message: DiscordMessage): InteractionEditReplyOptions {
  // Explicit empties so an edit never keeps the old message's embeds or buttons.
  return {
    content: message.content ?? '',
    embeds: message.embeds,
    components: message.components,
    allowedMentions: noMentions(),
  };
}

/** A short ephemeral answer without deferring: for replies that need no database. */
export async function replyEphemeral(interaction: RepliableInteraction, text: string, logger: Logger) {
  try {
    await interaction.reply({ content: text, flags: MessageFlags.Ephemeral, allowedMentions: noMentions() });
  } catch (error) {
    logger.warn({ err: error, interactionId: interaction.id }, 'discord: could not reply');
  }
}

async function acknowledge(interaction: RepliableInteraction, mode: ReplyMode): Promise<void> {
  if (mode === 'update' && (interaction.isMessageComponent() || interaction.isModalSubmit())) {
    await interaction.deferUpdate();
  } else {
    await interaction.deferReply(mode === 'public' ? {} : { flags: MessageFlags.Ephemeral });
  }
}

/**
 * What answering an acknowledged interaction takes: its webhook (the
 * application id and the interaction token), not the interaction itself, so
 * a click waiting for the engine does not keep the whole interaction (its
 * message, member, embeds…) alive. Thousands wait during a flood.
 */
interface Deferred {
  interactionId: string;
  webhook: InteractionWebhook;
}

async function deliver({ webhook }: Deferred, mode: ReplyMode, view: View): Promise<void> {
  const [first, ...more] = renderView(view);
  if (!first) return;
  const isError = view.kind === 'notice' && view.tone === 'error';
  if (isError || (view.kind === 'confirm' && mode === 'public')) {
    // Errors and confirmation prompts are the caller's alone. Deferred publicly: remove the "thinking…"
    // message and say it privately instead.
    if (mode === 'public') await webhook.deleteMessage('@original');
    await webhook.send(replyPayload(first, true));
    return;
  }
  await webhook.editMessage('@original', editPayload(first));
  for (const message of more) await webhook.send(replyPayload(message, mode !== 'public'));
}

/**
 * Acknowledges, runs the work (an engine call), renders and sends. Never
 * throws: Discord errors are logged and, where still possible, the user gets
 * an ephemeral apology. `work` must not hold the interaction (take what it
 * needs first); callers return this promise rather than await it, so their
 * frames let go of the interaction too.
 */
export async function answerWith(
  interaction: RepliableInteraction,
  mode: ReplyMode,
  work: () => Promise<View>,
  logger: Logger,
): Promise<void> {
  try {
    await acknowledge(interaction, mode);
  } catch (error) {
    // Already acknowledged (a resent interaction) or expired: the work must not run twice.
    logger.warn({ err: error, interactionId: interaction.id }, 'discord: could not acknowledge interaction');
    return;
  }
  return answerDeferred({ interactionId: interaction.id, webhook: interaction.webhook }, mode, work, logger);
}

async function answerDeferred(
  deferred: Deferred,
  mode: ReplyMode,
  work: () => Promise<View>,
  logger: Logger,
): Promise<void> {
  const { interactionId, webhook } = deferred;
  let view: View;
  try {
    view = await work();
  } catch (error) {
    logger.error({ err: error, interactionId }, 'discord: interaction work failed');
    view = { kind: 'notice', tone: 'error', text: SOMETHING_WENT_WRONG };
  }
  try {
    await deliver(deferred, mode, view);
  } catch (error) {
    logger.error({ err: error, interactionId }, 'discord: could not deliver reply');
    try {
      await webhook.send(replyPayload({ content: `⚠️ ${COULD_NOT_SHOW}`, embeds: [], components: [] }, true));
    } catch {
      // The token may have expired (15 minutes); nothing more to do.
    }
  }
}
