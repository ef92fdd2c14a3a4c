import type { App } from '@slack/bolt';
import { helpEntries } from '../../core/use-case.js';
import type { ListenerDeps } from './listener-deps.js';
import { renderHelp, renderView } from './render-view.js';
import { skipRetries } from './skip-retries.js';
import { ephemeral, replyFor } from './slack-message.js';
import { actorFromCommand } from './translate-actor.js';
import { translateCommandText } from './translate-command.js';

/** /drill <words>: parsed, acknowledged at once, answered through the response_url to whom the use case says. */
export function registerDrillCommand(app: App, deps: ListenerDeps): void {
  app.command('/drill', skipRetries(deps.logger), async ({ command, ack, respond, client }) => {
    const parsed = translateCommandText(command.text, deps.engine.useCases);
    if (parsed.kind === 'hint') {
      // Nothing to look up: the hint and the help go straight back in the ack.
      await ack(
        ephemeral(renderHelp({ kind: 'help', commands: helpEntries(deps.engine.useCases) }, parsed.text)),
      );
      return;
    }
    await ack();
    const { useCase, input } = parsed;
    const actor = actorFromCommand(command);
    if (useCase.who === 'admins')
      actor.isAdmin = await deps.admins.isAdmin(client, actor.teamId, actor.userId);
    const view = await deps.engine.run(actor, useCase.name, input);
    await respond(replyFor(useCase, view, renderView(view)));
  });
}
