import type { EngineDeps } from '../core/engine-deps.js';
import { DrillError } from '../core/errors.js';
import { type Input, type OptionSpec, type UseCase, usageOf } from '../core/use-case.js';

/** Platform user ids and our ids: letters, digits and a few separators. */
const PLAIN_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

function allowedChoices(option: OptionSpec, deps: EngineDeps): readonly string[] {
  if (option.choicesFrom === 'topics') return deps.bank.topics();
  if (option.choicesFrom === 'packs') return deps.bank.packIds();
  return option.choices ?? [];
}

function checkedValue(option: OptionSpec, raw: unknown, deps: EngineDeps): string | number {
  // A forged payload may send an object or a list where a word belongs.
  if (typeof raw !== 'string' && typeof raw !== 'number') {
    throw new DrillError(`${option.name} must be a single value.`);
  }
  switch (option.kind) {
    case 'integer': {
      const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
      if (!Number.isInteger(n)) throw new DrillError(`${option.name} must be a whole number.`);
      if ((option.min !== undefined && n < option.min) || (option.max !== undefined && n > option.max)) {
        throw new DrillError(`${option.name} must be between ${option.min} and ${option.max}.`);
      }
      return n;
    }
    case 'choice': {
      const word = String(raw).trim().toLowerCase();
      const value = option.aliases?.[word] ?? word;
      const allowed = allowedChoices(option, deps);
      if (!allowed.includes(value)) {
        const label = option.choicesFrom === 'topics' ? 'Topics' : 'Use';
        throw new DrillError(`Unknown ${option.name} "${word}". ${label}: ${allowed.join(', ')}.`);
      }
      return value;
    }
    case 'user': {
      const id = String(raw).trim();
      if (!PLAIN_ID.test(id)) throw new DrillError(`"${id.slice(0, 40)}" is not a user I know.`);
      return id;
    }
    default: {
      const text = String(raw).trim();
      if (option.maxLength !== undefined && text.length > option.maxLength) {
        throw new DrillError(`${option.name} is longer than ${option.maxLength} characters.`);
      }
      return text;
    }
  }
}

/** The declared options, checked and normalised: a bad value never reaches a use case. */
export function validateInput(
  useCase: UseCase,
  raw: Readonly<Record<string, unknown>>,
  deps: EngineDeps,
): Input {
  const input: Record<string, string | number> = {};
  for (const option of useCase.options) {
    const given = raw[option.name];
    const missing = given === undefined || given === null || (typeof given === 'string' && !given.trim());
    if (missing) {
      if (option.default !== undefined) input[option.name] = option.default;
      else if (option.required) {
        throw new DrillError(`Missing ${option.name}. Usage: ${usageOf(useCase)}`);
      }
      continue;
    }
    input[option.name] = checkedValue(option, given, deps);
  }
  return input;
}
