import type { UseCase } from '../core/use-case.js';
import { localDateOf } from '../rules/time-zone.js';
import { dailyCard } from './shared/daily-question.js';

/** The channel's question of the day, picked now if the schedule has not posted yet. */
export const today: UseCase = {
  name: 'today',
  description: "This channel's daily question",
  trigger: 'command',
  options: [],
  who: 'anyone',
  where: 'channel',
  answerTo: 'channel',
  async run(deps, actor) {
    const channel = await deps.store.channels.get(actor);
    const zone = channel?.timezone ?? deps.defaultTimeZone;
    const filter = {
      topic: channel?.topic ?? null,
      difficulty: channel?.difficulty ?? null,
      packs: channel?.packs ?? null,
    };
    return dailyCard(deps, actor, localDateOf(deps.clock(), zone), filter);
  },
};
