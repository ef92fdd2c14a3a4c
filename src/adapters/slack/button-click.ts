import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';

/** What a click asks for once acked: the reply, run without holding the request. */
export type ButtonReply = () => Promise<void>;

/**
 * One kind of button: which action ids are its, and what a click on it does.
 * `answer` translates the click at once and returns the reply to run, or null
 * when there is nothing to answer; it keeps only what the reply needs.
 */
export interface ButtonClick {
  matches(actionId: string): boolean;
  answer(args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): ButtonReply | null;
}
