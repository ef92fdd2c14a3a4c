import { helpEntries, type UseCase } from '../core/use-case.js';

/** Help is built from the table itself, so it lists exactly the commands there are. */
export function help(table: () => readonly UseCase[]): UseCase {
  return {
    name: 'help',
    description: 'How to use /drill',
    trigger: 'command',
    options: [],
    who: 'anyone',
    where: 'anywhere',
    answerTo: 'caller',
    run: () => ({ kind: 'help', commands: helpEntries(table()) }),
  };
}
