import {
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
  type SlashCommandStringOption,
} from 'discord.js';
import { PERIODS } from '../../core/periods.js';
import { DIFFICULTIES, TOPICS } from '../../core/types.js';

export const COMMAND_NAME = 'drill';

const choices = (values: readonly string[]) => values.map((v) => ({ name: v, value: v }));

const topicOption = (o: SlashCommandStringOption) =>
  o
    .setName('topic')
    .setDescription('Only questions of this topic')
    .addChoices(...choices(TOPICS));
const difficultyOption = (o: SlashCommandStringOption) =>
  o
    .setName('difficulty')
    .setDescription('Only questions of this difficulty')
    .addChoices(...choices(DIFFICULTIES));

/**
 * /drill as data, registered by `npm run discord:deploy`. Discord cannot put
 * default_member_permissions on one subcommand, so the whole command stays
 * open and `schedule set` / `schedule off` check Manage Server at run time
 * (the engine refuses them unless actor.isAdmin).
 */
export function drillCommandData(): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return new SlashCommandBuilder()
    .setName(COMMAND_NAME)
    .setDescription('Daily interview practice: questions, self-grading, streaks and boards')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .addSubcommand((s) =>
      s
        .setName('ask')
        .setDescription('A question by id, number or words; random without a query')
        .addStringOption((o) =>
          o
            .setName('query')
            .setDescription('Question id, number or words')
            .setAutocomplete(true)
            .setMaxLength(200),
        )
        .addStringOption(topicOption)
        .addStringOption(difficultyOption),
    )
    .addSubcommand((s) => s.setName('today').setDescription("This channel's daily question"))
    .addSubcommand((s) => s.setName('topics').setDescription('Question packs and topics with counts'))
    .addSubcommand((s) =>
      s
        .setName('leaderboard')
        .setDescription('The board (default: this week, this channel)')
        .addStringOption((o) =>
          o
            .setName('period')
            .setDescription('Which period (default week)')
            .addChoices(...choices(PERIODS)),
        )
        .addStringOption((o) =>
          o
            .setName('scope')
            .setDescription('This channel or the whole server (default channel)')
            .addChoices(...choices(['channel', 'server'])),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('stats')
        .setDescription('Points, streak, attempts, accuracy by topic, reviews due')
        .addUserOption((o) => o.setName('user').setDescription('Whose stats (default: yours)')),
    )
    .addSubcommand((s) => s.setName('review').setDescription('Your next spaced-repetition card'))
    .addSubcommandGroup((g) =>
      g
        .setName('schedule')
        .setDescription("This channel's daily question")
        .addSubcommand((s) =>
          s
            .setName('set')
            .setDescription('Post a daily question here (Manage Server)')
            .addStringOption((o) =>
              o.setName('time').setDescription('Local time, HH:MM').setRequired(true).setMaxLength(5),
            )
            .addStringOption((o) =>
              o
                .setName('timezone')
                .setDescription('IANA time zone, like Europe/Berlin')
                .setRequired(true)
                .setAutocomplete(true)
                .setMaxLength(64),
            )
            .addStringOption((o) =>
              o
                .setName('days')
                .setDescription('daily, weekdays, or a list like mon,wed,fri (default daily)')
                .setMaxLength(40),
            )
            .addStringOption(topicOption)
            .addStringOption(difficultyOption),
        )
        .addSubcommand((s) => s.setName('show').setDescription("This channel's schedule and next post"))
        .addSubcommand((s) => s.setName('off').setDescription('Stop daily posts here (Manage Server)')),
    )
    .addSubcommand((s) =>
      s
        .setName('privacy')
        .setDescription('Show or hide your name on boards')
        .addStringOption((o) =>
          o
            .setName('mode')
            .setDescription('visible or hidden')
            .setRequired(true)
            .addChoices(...choices(['visible', 'hidden'])),
        ),
    )
    .addSubcommand((s) => s.setName('forget-me').setDescription('Delete everything the bot keeps about you'))
    .addSubcommand((s) => s.setName('help').setDescription('How to use /drill'))
    .toJSON();
}
