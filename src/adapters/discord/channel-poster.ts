import { createHash } from 'node:crypto';
import {
  DiscordAPIError,
  HTTPError,
  RateLimitError,
  REST,
  type RESTPostAPIChannelMessageJSONBody,
  type RESTPostAPIChannelMessageResult,
  Routes,
} from 'discord.js';
import type { ChannelRef } from '../../core/types.js';
import type { QuestionCardView } from '../../core/views.js';
import type { ChannelPoster, PostOutcome } from '../../scheduler/channel-poster.js';
import { noMentions } from './interaction-reply.js';
import { renderView } from './render-view.js';

/** Discord keeps a nonce for a few minutes and accepts at most 25 characters. */
export function postNonce(idempotencyKey: string): string {
  return createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, 25);
}

/**
 * A REST client only for daily posts: no retries and no waiting out 429s, so
 * the scheduler's fan-out decides when to try again (discord.js would otherwise
 * queue and retry a rate-limited post by itself).
 */
export function createPostingRest(options: { token: string; api: string | undefined }): REST {
  return new REST({
    ...(options.api ? { api: options.api } : {}),
    retries: 0,
    rejectOnRateLimit: () => true,
    offset: 0,
    timeout: 15_000,
  }).setToken(options.token);
}

/** Discord's answer as the scheduler's outcome. */
export function postOutcomeOf(error: unknown): PostOutcome {
  if (error instanceof RateLimitError) {
    return { ok: false, kind: 'retry', retryAfterMs: Math.max(0, error.retryAfter), reason: 'rate limited' };
  }
  if (error instanceof DiscordAPIError) {
    const reason = `${error.status} ${error.code}: ${error.message}`;
    // 403 Missing Access / Missing Permissions, 404 Unknown Channel: the bot cannot post there any more.
    if (error.status === 403 || error.status === 404) return { ok: false, kind: 'gone', reason };
    return { ok: false, kind: 'retry', retryAfterMs: null, reason };
  }
  if (error instanceof HTTPError) {
    return { ok: false, kind: 'retry', retryAfterMs: null, reason: `${error.status} ${error.message}` };
  }
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { ok: false, kind: 'retry', retryAfterMs: null, reason };
}

/** The scheduler's port to Discord: one `POST /channels/{id}/messages` per daily card. */
export function createDiscordChannelPoster(options: { rest: REST; postsPerSecond: number }): ChannelPoster {
  const { rest, postsPerSecond } = options;
  return {
    platform: 'discord',
    postsPerSecond,
    async post(channel: ChannelRef, card: QuestionCardView, idempotencyKey: string): Promise<PostOutcome> {
      // A daily card always fits one message; only a reveal can need more.
      const [message] = renderView(card);
      const body: RESTPostAPIChannelMessageJSONBody = {
        ...(message?.content ? { content: message.content } : {}),
        embeds: message?.embeds ?? [],
        components: message?.components ?? [],
        allowed_mentions: noMentions(),
        nonce: postNonce(idempotencyKey),
        // A resend with the same nonce returns the first message instead of posting twice.
        enforce_nonce: true,
      };
      try {
        const posted = (await rest.post(Routes.channelMessages(channel.channelId), {
          body,
        })) as RESTPostAPIChannelMessageResult;
        return { ok: true, messageId: posted.id };
      } catch (error) {
        return postOutcomeOf(error);
      }
    },
  };
}
