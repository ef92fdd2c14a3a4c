import type { UseCase } from '../core/use-case.js';

export const topics: UseCase = {
  name: 'topics',
  description: 'Question packs and topics with counts',
  trigger: 'command',
  options: [],
  who: 'anyone',
  where: 'anywhere',
  answerTo: 'caller',
  run: (deps) => ({ kind: 'topics', packs: deps.bank.summary() }),
};
