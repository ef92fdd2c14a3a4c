import { type BaseInteraction, GuildMember, PermissionFlagsBits } from 'discord.js';
import type { Actor } from '../../core/types.js';

/**
 * Team id for direct messages. One value for every DM, so a person's practice
 * in DMs stays together (their DM channel with the bot is stable too) and never
 * mixes with a server's board.
 */
export const DM_TEAM_ID = 'dm';

function displayName(interaction: BaseInteraction): string {
  const member = interaction.member;
  // Without a cached guild the member is the raw API object (nick), otherwise a GuildMember.
  const nick = member instanceof GuildMember ? member.nickname : (member?.nick ?? null);
  return nick ?? interaction.user.globalName ?? interaction.user.username;
}

/** Who acts, where: from the interaction alone, without fetching anything. */
export function actorOf(interaction: BaseInteraction): Actor {
  const guildId = interaction.guildId;
  return {
    platform: 'discord',
    teamId: guildId ?? DM_TEAM_ID,
    channelId: interaction.channelId ?? `dm-${interaction.user.id}`,
    userId: interaction.user.id,
    userName: displayName(interaction),
    // The member's permissions in this channel, sent with every interaction: no cache needed.
    isAdmin:
      guildId !== null && (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false),
    inChannel: guildId !== null,
  };
}
