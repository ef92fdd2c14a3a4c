import type { ChatInputCommandInteraction } from 'discord.js';
import type { UseCase } from '../../core/use-case.js';

type Options = ChatInputCommandInteraction['options'];

/** `schedule set` from the subcommand group and subcommand Discord sends. */
export function useCaseNameOf(options: Pick<Options, 'getSubcommandGroup' | 'getSubcommand'>): string {
  const group = options.getSubcommandGroup(false);
  const sub = options.getSubcommand(true);
  return group ? `${group} ${sub}` : sub;
}

/**
 * The declared options' raw values as Discord sent them; the engine checks
 * them (a forged payload may send anything).
 */
export function inputOf(useCase: UseCase, options: Options): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const option of useCase.options) {
    const raw = options.get(option.name);
    if (!raw) continue;
    if (option.kind === 'user') input[option.name] = raw.user?.id ?? raw.value;
    else if (option.kind === 'attachment') input[option.name] = raw.attachment?.url;
    else input[option.name] = raw.value;
  }
  return input;
}
