import type { UseCase } from '../core/use-case.js';

/** The packs this team can use: the bundled ones and its own imports. */
export const packs: UseCase = {
  name: 'packs',
  description: 'The question packs this team can use, bundled and its own',
  trigger: 'command',
  options: [],
  who: 'anyone',
  where: 'anywhere',
  answerTo: 'caller',
  async run(deps, actor) {
    const bank = await deps.banks.forTeam(actor);
    return {
      kind: 'packs',
      packs: bank.summary().map((p) => ({
        id: p.id,
        name: p.name,
        total: p.total,
        topics: p.topics.map((t) => t.topic),
        license: p.license,
        origin: p.origin,
      })),
    };
  },
};
