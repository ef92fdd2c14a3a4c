import { DrillError } from '../core/errors.js';
import type { UseCase } from '../core/use-case.js';
import {
  nextRunAfter,
  parseDays,
  parseTime,
  parseTimeZone,
  type ScheduleRule,
} from '../rules/schedule-rules.js';
import { difficultyOption, filterOf, packOption, topicOption } from './shared/options.js';
import { scheduleView } from './shared/schedule-view.js';

/** Validates everything before writing, so a bad option changes nothing. */
export const scheduleSet: UseCase = {
  name: 'schedule set',
  description: 'Post a daily question here (admins)',
  trigger: 'command',
  options: [
    {
      name: 'time',
      kind: 'text',
      description: 'Local time, HH:MM',
      required: true,
      positional: 'word',
      placeholder: 'HH:MM',
      maxLength: 5,
    },
    {
      name: 'timezone',
      kind: 'text',
      description: 'IANA time zone, like Europe/Berlin',
      required: true,
      positional: 'word',
      placeholder: '<Area/City>',
      keyAliases: ['tz'],
      autocomplete: 'timezone',
      maxLength: 64,
    },
    {
      name: 'days',
      kind: 'text',
      description: 'daily, weekdays, or a list like mon,wed,fri (default daily)',
      positional: 'rest',
      placeholder: 'daily|weekdays|mon,wed,fri',
      maxLength: 40,
      default: 'daily',
    },
    topicOption,
    difficultyOption,
    packOption,
  ],
  who: 'admins',
  where: 'channel',
  answerTo: 'channel',
  async run(deps, actor, input) {
    const rule: ScheduleRule = {
      time: parseTime(String(input.time)),
      timezone: parseTimeZone(String(input.timezone)),
      days: parseDays(String(input.days)),
      ...filterOf(input),
    };
    if ((await deps.banks.forTeam(actor)).filter(rule).length === 0) {
      throw new DrillError('No question matches that topic, difficulty and pack; nothing was changed.');
    }
    const now = deps.clock();
    await deps.store.channels.saveSchedule(actor, rule, nextRunAfter(rule, now), now);
    return scheduleView(await deps.store.channels.get(actor), 'set');
  },
};
