import type { types } from '@slack/bolt';
import { audienceOf, type UseCase } from '../../core/use-case.js';
import type { View } from '../../core/views.js';
import { BUTTON_TEXT_LIMIT, fitBlocks, shorten } from './render-block-limits.js';

/** A rendered message: blocks, and the plain fallback text Slack shows in notifications. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

export function message(text: string, blocks: types.KnownBlock[]): SlackMessage {
  return { text: shorten(text, 3000), blocks: fitBlocks(blocks) };
}

export function button(
  text: string,
  actionId: string,
  value: string,
  style?: 'primary' | 'danger',
): types.Button {
  return {
    type: 'button',
    action_id: actionId,
    value,
    text: { type: 'plain_text', text: shorten(text, BUTTON_TEXT_LIMIT), emoji: true },
    ...(style ? { style } : {}),
  };
}

/** Ephemeral reply through a response_url: visible to the caller only, never replacing the card. */
export function ephemeral(reply: SlackMessage) {
  return { response_type: 'ephemeral' as const, replace_original: false, ...reply };
}

/** Visible to the whole channel, posted as a new message (the original card stays). */
export function inChannel(reply: SlackMessage) {
  return { response_type: 'in_channel' as const, replace_original: false, ...reply };
}

/** A use case's answer through its response_url, to whom its declaration says. */
export function replyFor(useCase: UseCase, view: View, reply: SlackMessage) {
  return audienceOf(useCase, view) === 'channel' ? inChannel(reply) : ephemeral(reply);
}
