/**
 * A ChannelPoster that posts over HTTP (fetch) to the fake platform, mapping
 * its answers the way the real adapters do: 429 -> retry after the wait it
 * names, 5xx -> retry, 403/404 -> gone.
 */
import type { ChannelRef, Platform } from '../src/core/types.js';
import type { QuestionCardView } from '../src/core/views.js';
import type { ChannelPoster, PostOutcome } from '../src/scheduler/channel-poster.js';

export class HttpChannelPoster implements ChannelPoster {
  constructor(
    private readonly baseUrl: string,
    readonly platform: Platform,
    readonly postsPerSecond: number,
  ) {}

  async post(channel: ChannelRef, card: QuestionCardView, idempotencyKey: string): Promise<PostOutcome> {
    const response = await fetch(`${this.baseUrl}/post`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        channel: `${channel.teamId}/${channel.channelId}`,
        text: `#${card.question.number} ${card.question.title}`,
        nonce: idempotencyKey,
      }),
    });
    const body = (await response.json().catch(() => ({}))) as { id?: string; retry_after?: number };
    if (response.ok) return { ok: true, messageId: body.id ?? null };
    if (response.status === 429) {
      const header = Number(response.headers.get('retry-after'));
      const seconds = typeof body.retry_after === 'number' ? body.retry_after : header;
      return {
        ok: false,
        kind: 'retry',
        retryAfterMs: Number.isFinite(seconds) ? Math.ceil(seconds * 1000) : null,
        reason: 'rate limited (429)',
      };
    }
    if (response.status === 403 || response.status === 404) {
      return { ok: false, kind: 'gone', reason: `HTTP ${response.status}` };
    }
    return { ok: false, kind: 'retry', retryAfterMs: null, reason: `HTTP ${response.status}` };
  }
}
