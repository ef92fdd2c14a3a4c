import type { ChannelRef, Platform } from '../../src/core/types.js';
import type { QuestionCardView } from '../../src/core/views.js';
import type { ChannelPoster, PostOutcome } from '../../src/scheduler/channel-poster.js';

export interface RecordedPost {
  channel: ChannelRef;
  card: QuestionCardView;
  key: string;
  at: Date;
}

/** A poster that records what it was asked to post; `answer` decides each outcome. */
export class RecordingPoster implements ChannelPoster {
  readonly posts: RecordedPost[] = [];
  readonly calls: { channelId: string; outcome: PostOutcome }[] = [];

  constructor(
    private readonly now: () => Date,
    readonly platform: Platform = 'console',
    readonly postsPerSecond = 1000,
    private readonly answer: (channel: ChannelRef, callIndex: number) => PostOutcome = () => ({
      ok: true,
      messageId: null,
    }),
  ) {}

  async post(channel: ChannelRef, card: QuestionCardView, key: string): Promise<PostOutcome> {
    const previous = this.calls.filter((c) => c.channelId === channel.channelId).length;
    const outcome = this.answer(channel, previous);
    this.calls.push({ channelId: channel.channelId, outcome });
    if (outcome.ok) this.posts.push({ channel, card, key, at: this.now() });
    return outcome;
  }

  postsFor(channelId: string): RecordedPost[] {
    return this.posts.filter((p) => p.channel.channelId === channelId);
  }
}
