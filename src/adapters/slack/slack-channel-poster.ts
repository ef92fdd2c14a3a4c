import { webApi } from '@slack/bolt';
import type { ChannelRef } from '../../core/types.js';
import type { QuestionCardView } from '../../core/views.js';
import type { Logger } from '../../logger.js';
import type { ChannelPoster, PostOutcome } from '../../scheduler/channel-poster.js';
import { boltLogger } from './bolt-logger.js';
import { outcomeOfSlackError } from './post-outcome.js';
import { renderQuestionCard } from './render-question-card.js';

/**
 * The scheduler's port to Slack: posts the daily card with chat.postMessage.
 * Its WebClient never retries by itself, so the scheduler's fan-out, which
 * knows every channel's deadline, owns the retries.
 */
export class SlackChannelPoster implements ChannelPoster {
  readonly platform = 'slack' as const;
  readonly postsPerSecond: number;
  private readonly client: webApi.WebClient;

  constructor(
    options: { botToken: string; apiUrl: string | undefined; postsPerSecond: number },
    private readonly logger: Logger,
  ) {
    this.postsPerSecond = options.postsPerSecond;
    this.client = new webApi.WebClient(options.botToken, {
      ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: 15_000,
      logger: boltLogger(logger),
    });
  }

  // Slack has no idempotency key for chat.postMessage; the scheduler's channel-day claim prevents doubles.
  async post(channel: ChannelRef, card: QuestionCardView, _idempotencyKey: string): Promise<PostOutcome> {
    const { text, blocks } = renderQuestionCard(card);
    try {
      const result = await this.client.chat.postMessage({
        channel: channel.channelId,
        text,
        blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
      return { ok: true, messageId: result.ts ?? null };
    } catch (error) {
      const outcome = outcomeOfSlackError(error);
      this.logger.warn({ channel, outcome }, 'slack daily post failed');
      return outcome;
    }
  }
}
