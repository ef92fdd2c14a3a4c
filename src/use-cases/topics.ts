import type { UseCase } from '../core/use-case.js';

export const topics: UseCase = {
  name: 'topics',
  description: 'Question packs and topics with counts',
  trigger: 'command',
  options: [],
  who: 'anyone',
  where: 'anywhere',
  answerTo: 'caller',
  run: async (deps, actor) => ({ kind: 'topics', packs: (await deps.banks.forTeam(actor)).summary() }),
};
