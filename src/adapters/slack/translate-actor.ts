import type { BlockAction, SlashCommand, ViewSubmitAction } from '@slack/bolt';
import type { Actor } from '../../core/types.js';

/** DMs have ids starting with D (Slack also names them "directmessage" in slash commands). */
const isDirectMessage = (channelId: string, channelName?: string) =>
  channelId.startsWith('D') || channelName === 'directmessage';

/**
 * isAdmin starts false: it is looked up (users.info) only for the commands
 * that need it, so ordinary clicks cost no extra API call.
 */
export function actorFromCommand(command: SlashCommand): Actor {
  return {
    platform: 'slack',
    teamId: command.team_id,
    channelId: command.channel_id,
    userId: command.user_id,
    userName: command.user_name,
    isAdmin: false,
    inChannel: !isDirectMessage(command.channel_id, command.channel_name),
  };
}

/** A button click in a message; null when the click came from outside a channel (e.g. a modal). */
export function actorFromBlockAction(body: BlockAction): Actor | null {
  const channelId = body.channel?.id ?? body.container?.channel_id;
  const teamId = body.team?.id ?? body.user.team_id;
  if (!channelId || !teamId) return null;
  return {
    platform: 'slack',
    teamId,
    channelId,
    userId: body.user.id,
    userName: body.user.username ?? body.user.name ?? body.user.id,
    isAdmin: false,
    inChannel: !isDirectMessage(channelId, body.channel?.name),
  };
}

/** A modal submission: the channel comes from the modal's private_metadata. */
export function actorFromViewSubmission(body: ViewSubmitAction, channelId: string): Actor | null {
  const teamId = body.team?.id ?? body.user.team_id ?? body.view.team_id;
  if (!teamId) return null;
  return {
    platform: 'slack',
    teamId,
    channelId,
    userId: body.user.id,
    userName: body.user.name || body.user.id,
    isAdmin: false,
    inChannel: !isDirectMessage(channelId),
  };
}
