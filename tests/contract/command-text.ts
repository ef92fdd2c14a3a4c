import type { UseCase } from '../../src/core/use-case.js';

/** The words after /drill for a use case and its options (`schedule set time=09:00 …`), as Slack and the console read them. */
export function commandText(useCase: UseCase, input: Readonly<Record<string, string>>): string {
  return [useCase.name, ...Object.entries(input).map(([key, value]) => `${key}=${value}`)].join(' ');
}
