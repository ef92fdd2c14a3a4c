import { ApplicationCommandOptionType, type ChatInputCommandInteraction } from 'discord.js';
import { DrillError } from '../../core/errors.js';
import type { OptionKind, UseCase } from '../../core/use-case.js';

type Options = ChatInputCommandInteraction['options'];

/** `schedule set` from the subcommand group and subcommand Discord sends. */
export function useCaseNameOf(options: Pick<Options, 'getSubcommandGroup' | 'getSubcommand'>): string {
  const group = options.getSubcommandGroup(false);
  const sub = options.getSubcommand(true);
  return group ? `${group} ${sub}` : sub;
}

/** The option types Discord may send for each kind we declare (a user option also takes a mentionable). */
const DISCORD_TYPES: Readonly<Record<OptionKind, readonly ApplicationCommandOptionType[]>> = {
  text: [ApplicationCommandOptionType.String],
  choice: [ApplicationCommandOptionType.String],
  integer: [ApplicationCommandOptionType.Integer],
  user: [ApplicationCommandOptionType.User, ApplicationCommandOptionType.Mentionable],
  attachment: [ApplicationCommandOptionType.Attachment],
};

/**
 * The declared options' raw values as Discord sent them; the engine checks
 * the values (a forged payload may send anything). An option of another type
 * than we declared is refused here, as discord.js's typed getters refuse it.
 */
export function inputOf(useCase: UseCase, options: Options): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const option of useCase.options) {
    const raw = options.get(option.name);
    if (!raw) continue;
    if (!DISCORD_TYPES[option.kind].includes(raw.type)) {
      throw new DrillError(`The ${option.name} option is not of the type /drill declares. Try /drill help.`);
    }
    if (option.kind === 'user') input[option.name] = raw.user?.id ?? raw.value;
    else if (option.kind === 'attachment') input[option.name] = raw.attachment?.url;
    else input[option.name] = raw.value;
  }
  return input;
}
