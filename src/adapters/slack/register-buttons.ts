import type { App } from '@slack/bolt';
import type { ButtonClick } from './button-click.js';
import { confirmButton } from './confirm-button.js';
import type { ListenerDeps } from './listener-deps.js';
import { questionButtons } from './question-buttons.js';
import { skipRetries } from './skip-retries.js';
import { writeButton } from './write-button.js';

/**
 * Every button click, through one Bolt listener that picks the button by its
 * action id. Bolt runs each registered listener's middleware for every
 * request, so one listener instead of one per button keeps the ack path short under a
 * flood of clicks. A click on a button we no longer have is acked and dropped.
 *
 * The reply is not awaited here: Bolt lets go of the request and the event it
 * parsed at once, and a click waiting for the engine holds only what its
 * reply needs (thousands of them wait during a flood).
 */
export function registerButtons(app: App, deps: ListenerDeps): void {
  const buttons: ButtonClick[] = [questionButtons(deps), writeButton(deps), confirmButton(deps)];
  app.action({ type: 'block_actions' }, skipRetries(deps.logger), async (args) => {
    await args.ack();
    const actionId = args.action.action_id;
    const button = buttons.find((b) => b.matches(actionId));
    if (!button) {
      deps.logger.debug({ actionId }, 'slack click on an unknown button dropped');
      return;
    }
    const reply = button.answer(args);
    reply?.().catch((error: unknown) =>
      deps.logger.error({ err: error, actionId }, 'slack click reply failed'),
    );
  });
}
