import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { OptionSpec, UseCase } from '../../core/use-case.js';

export const COMMAND_NAME = 'drill';

/** Discord's limits on a command's and an option's description. */
const DESCRIPTION_LIMIT = 100;
const clip = (text: string) =>
  text.length > DESCRIPTION_LIMIT ? `${text.slice(0, DESCRIPTION_LIMIT - 1)}…` : text;

function optionData(option: OptionSpec): APIApplicationCommandBasicOption {
  const base = {
    name: option.name,
    description: clip(option.description),
    required: option.required ?? false,
  };
  switch (option.kind) {
    case 'integer':
      return {
        ...base,
        type: ApplicationCommandOptionType.Integer,
        ...(option.min !== undefined ? { min_value: option.min } : {}),
        ...(option.max !== undefined ? { max_value: option.max } : {}),
      };
    case 'user':
      return { ...base, type: ApplicationCommandOptionType.User };
    case 'attachment':
      return { ...base, type: ApplicationCommandOptionType.Attachment };
    default: {
      const fixed = option.kind === 'choice' && option.choices;
      // Discord's types split choices and autocomplete into two shapes; we set at most one of them.
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        ...(fixed ? { choices: option.choices!.map((v) => ({ name: v, value: v })) } : {}),
        ...(!fixed && option.autocomplete ? { autocomplete: true } : {}),
        ...(option.maxLength !== undefined ? { max_length: option.maxLength } : {}),
      } as APIApplicationCommandBasicOption;
    }
  }
}

/** Required options first: Discord refuses an optional option before a required one. */
const ordered = (options: readonly OptionSpec[]) => [
  ...options.filter((o) => o.required),
  ...options.filter((o) => !o.required),
];

function subcommand(useCase: UseCase, name: string): APIApplicationCommandOption {
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name,
    description: clip(useCase.description),
    options: ordered(useCase.options).map(optionData),
  };
}

/**
 * /drill as data, built from the use-case table and registered by
 * `npm run discord:deploy`. A use case named with two words (`schedule set`)
 * is a subcommand in a group. Discord cannot put default_member_permissions on
 * one subcommand, so the command stays open to everyone (null) unless every
 * use case is for admins, and the engine checks admins at run time.
 */
export function drillCommandData(table: readonly UseCase[]): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const options: APIApplicationCommandOption[] = [];
  const groups = new Map<string, APIApplicationCommandOption & { options: APIApplicationCommandOption[] }>();
  const commands = table.filter((u) => u.trigger === 'command');
  for (const useCase of commands) {
    const [first, second] = useCase.name.split(' ') as [string, string | undefined];
    if (!second) {
      options.push(subcommand(useCase, first));
      continue;
    }
    let group = groups.get(first);
    if (!group) {
      group = {
        type: ApplicationCommandOptionType.SubcommandGroup,
        name: first,
        description: clip(`/drill ${first} …`),
        options: [],
      };
      groups.set(first, group);
      options.push(group);
    }
    group.options.push(subcommand(useCase, second));
  }
  const allAdmin = commands.every((u) => u.who === 'admins');
  const anyAnywhere = commands.some((u) => u.where === 'anywhere');
  return {
    name: COMMAND_NAME,
    description: 'Daily interview practice: questions, self-grading, streaks and boards',
    options,
    // ManageGuild (1 << 5) when only admins may use any of it; otherwise everyone sees it.
    default_member_permissions: allAdmin ? String(1 << 5) : null,
    contexts: anyAnywhere
      ? [InteractionContextType.Guild, InteractionContextType.BotDM]
      : [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  };
}
