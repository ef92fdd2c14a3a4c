import { webApi } from '@slack/bolt';
import type { PostOutcome } from '../../scheduler/channel-poster.js';

/**
 * Slack answers after which posting to this channel can never work again
 * without a person stepping in. Workspace-wide refusals (a revoked token,
 * invalid_auth) are not here: they say nothing about the channel, and
 * switching off every channel of the workspace over them would lose every
 * schedule; they are retried and logged until someone fixes the token.
 */
const GONE_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'missing_scope',
  'no_permission',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_non_threadable_channel',
  'access_denied',
]);

/**
 * A failed chat.postMessage as the scheduler's outcome: rate limits, 5xx and
 * network trouble are retried (after Retry-After when given), permanent
 * refusals mark the channel gone. Anything else is retried: the scheduler
 * caps attempts, and a bug of ours should not switch a channel off.
 */
export function outcomeOfSlackError(error: unknown): PostOutcome {
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return { ok: false, kind: 'retry', retryAfterMs: error.retryAfter * 1000, reason: 'rate_limited' };
  }
  if (error instanceof webApi.WebAPIPlatformError) {
    const code = error.data.error;
    if (GONE_ERRORS.has(code)) return { ok: false, kind: 'gone', reason: code };
    return { ok: false, kind: 'retry', retryAfterMs: null, reason: code };
  }
  if (error instanceof webApi.WebAPIHTTPError) {
    const status = error.statusCode;
    if (status === 403 || status === 404 || status === 410)
      return { ok: false, kind: 'gone', reason: `HTTP ${status}` };
    const retryAfter = Number(error.headers['retry-after']);
    return {
      ok: false,
      kind: 'retry',
      retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null,
      reason: `HTTP ${status}`,
    };
  }
  if (error instanceof webApi.WebAPIRequestError) {
    return { ok: false, kind: 'retry', retryAfterMs: null, reason: `network: ${error.original.message}` };
  }
  return {
    ok: false,
    kind: 'retry',
    retryAfterMs: null,
    reason: error instanceof Error ? error.message : String(error),
  };
}
