import type { UseCase } from '../core/use-case.js';

export const privacy: UseCase = {
  name: 'privacy',
  description: 'Show or hide your name on boards',
  trigger: 'command',
  options: [
    {
      name: 'mode',
      kind: 'choice',
      description: 'visible or hidden',
      required: true,
      choices: ['visible', 'hidden'],
      positional: 'choice',
    },
  ],
  who: 'anyone',
  where: 'anywhere',
  answerTo: 'caller',
  async run(deps, actor, input) {
    const hidden = input.mode === 'hidden';
    await deps.store.users.setHidden(actor, hidden, deps.clock());
    return {
      kind: 'notice',
      tone: 'success',
      text: hidden
        ? 'You are hidden: boards show you as "anonymous" and others cannot see your stats.'
        : 'You are visible: boards show your name.',
    };
  },
};
