import type { UseCase } from '../core/use-case.js';

/** Deletes every row about the caller; the engine asks for confirmation first. */
export const forgetMe: UseCase = {
  name: 'forget-me',
  aliases: ['forgetme'],
  description: 'Delete everything the bot keeps about you',
  trigger: 'command',
  options: [],
  who: 'anyone',
  where: 'anywhere',
  answerTo: 'caller',
  confirm: {
    prompt:
      'This deletes every answer, grade, point, streak, review card and setting the bot keeps about you, in every channel of this team. It cannot be undone.',
    button: 'Delete my data',
  },
  recordsName: false,
  async run(deps, actor) {
    await deps.store.users.forget(actor);
    return {
      kind: 'notice',
      tone: 'success',
      text: 'Done: every answer, grade, point, streak, review card and setting about you is deleted.',
    };
  },
};
