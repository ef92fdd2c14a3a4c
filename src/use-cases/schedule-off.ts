import { DrillError } from '../core/errors.js';
import type { UseCase } from '../core/use-case.js';
import { scheduleView } from './shared/schedule-view.js';

export const scheduleOff: UseCase = {
  name: 'schedule off',
  description: 'Stop daily posts here (admins)',
  trigger: 'command',
  options: [],
  who: 'admins',
  where: 'channel',
  answerTo: 'channel',
  async run(deps, actor) {
    const changed = await deps.store.channels.turnOff(actor, 'turned off by an admin', deps.clock());
    if (!changed) throw new DrillError('This channel has no schedule to turn off.');
    return scheduleView(await deps.store.channels.get(actor), 'off');
  },
};
