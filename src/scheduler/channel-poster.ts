import type { ChannelRef, Platform } from '../core/types.js';
import type { QuestionCardView } from '../core/views.js';

/** What one attempt to post a daily card came to. */
export type PostOutcome =
  | { ok: true; messageId: string | null }
  /** 429 or 5xx, a timeout: worth another try, after retryAfterMs when the platform said so. */
  | { ok: false; kind: 'retry'; retryAfterMs: number | null; reason: string }
  /** The bot can no longer post there (removed, channel gone: 403/404): disable the channel. */
  | { ok: false; kind: 'gone'; reason: string };

/** The scheduler's port to a platform; each adapter provides one. */
export interface ChannelPoster {
  readonly platform: Platform;
  /** The most posts a second this platform should get from us. */
  readonly postsPerSecond: number;
  /**
   * Posts a daily card. idempotencyKey is stable for the channel-day so a
   * platform that supports it (Discord's nonce) drops a resend after a crash.
   */
  post(channel: ChannelRef, card: QuestionCardView, idempotencyKey: string): Promise<PostOutcome>;
}
