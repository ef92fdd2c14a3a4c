import type { UseCase } from '../core/use-case.js';
import { scheduleView } from './shared/schedule-view.js';

export const scheduleShow: UseCase = {
  name: 'schedule show',
  aliases: ['schedule'],
  description: "This channel's schedule and next post",
  trigger: 'command',
  options: [],
  who: 'anyone',
  where: 'channel',
  answerTo: 'caller',
  run: async (deps, actor) => scheduleView(await deps.store.channels.get(actor), null),
};
