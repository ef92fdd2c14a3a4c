import { type REST, Routes } from 'discord.js';
import type { DiscordConfig } from '../../config.js';
import type { UseCase } from '../../core/use-case.js';
import { USE_CASES } from '../../use-cases/table.js';
import { drillCommandData } from './drill-command-data.js';

/**
 * Registers /drill (overwriting what was there): in one guild when
 * DISCORD_GUILD_ID is set (instant, for testing), otherwise globally.
 */
export async function deployCommands(
  rest: REST,
  config: Pick<DiscordConfig, 'applicationId' | 'guildId'>,
  table: readonly UseCase[] = USE_CASES,
): Promise<{ scope: 'guild' | 'global'; count: number }> {
  const body = [drillCommandData(table)];
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  const registered = (await rest.put(route, { body })) as unknown[];
  return { scope: config.guildId ? 'guild' : 'global', count: registered.length };
}
