import type { App } from '@slack/bolt';
import { ADMIN_COMMANDS, HELP } from '../../core/command.js';
import type { ListenerDeps } from './listener-deps.js';
import { renderHelp, renderView } from './render-view.js';
import { skipRetries } from './skip-retries.js';
import { ephemeral } from './slack-message.js';
import { actorFromCommand } from './translate-actor.js';
import { translateCommandText } from './translate-command.js';

/** /drill <words>: parsed, acknowledged at once, answered privately through the response_url. */
export function registerDrillCommand(app: App, deps: ListenerDeps): void {
  app.command('/drill', skipRetries(deps.logger), async ({ command, ack, respond, client }) => {
    const parsed = translateCommandText(command.text);
    if (parsed.kind === 'hint') {
      // Nothing to look up: the hint and the help go straight back in the ack.
      await ack(ephemeral(renderHelp({ kind: 'help', commands: [...HELP] }, parsed.text)));
      return;
    }
    await ack();
    const actor = actorFromCommand(command);
    if (ADMIN_COMMANDS.has(parsed.command.name)) {
      actor.isAdmin = await deps.admins.isAdmin(client, actor.teamId, actor.userId);
    }
    const view = await deps.engine.command(actor, parsed.command);
    await respond(ephemeral(renderView(view)));
  });
}
