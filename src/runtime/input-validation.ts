import { DrillError } from '../core/errors.js';
import type { QuestionBank } from '../core/question-bank.js';
import { type Input, type OptionSpec, type UseCase, usageOf } from '../core/use-case.js';

/** Platform user ids and our ids: letters, digits and a few separators. */
const PLAIN_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

/** Choices read from a bank are the team's: its topics, and the bundled packs plus its own. */
function allowedChoices(option: OptionSpec, bank: QuestionBank): readonly string[] {
  if (option.choicesFrom === 'topics') return bank.topics();
  if (option.choicesFrom === 'packs') return bank.packIds();
  return option.choices ?? [];
}

/** Whether checking this use case's input needs the team's bank (a choice read from it). */
export const needsTeamBank = (useCase: UseCase): boolean => useCase.options.some((o) => o.choicesFrom);

function checkedChoice(option: OptionSpec, raw: string, allowed: readonly string[]): string {
  const word = raw.trim().toLowerCase();
  const value = option.aliases?.[word] ?? word;
  if (!allowed.includes(value)) {
    const label = option.choicesFrom === 'topics' ? 'Topics' : 'Use';
    throw new DrillError(`Unknown ${option.name} "${word.slice(0, 64)}". ${label}: ${allowed.join(', ')}.`);
  }
  return value;
}

function checkedValue(option: OptionSpec, raw: unknown, bank: QuestionBank): string | number {
  // A forged payload may send a number, an object or a list where text belongs.
  const readable = typeof raw === 'string' || (option.kind === 'integer' && typeof raw === 'number');
  if (!readable)
    throw new DrillError(`${option.name} must be ${option.kind === 'integer' ? 'a number' : 'text'}.`);
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
      const text = String(raw);
      if (option.maxLength !== undefined && text.length > option.maxLength) {
        throw new DrillError(`${option.name} is longer than ${option.maxLength} characters.`);
      }
      const allowed = allowedChoices(option, bank);
      if (!option.list) return checkedChoice(option, text, allowed);
      const values = text
        .split(',')
        .filter((w) => w.trim())
        .map((w) => checkedChoice(option, w, allowed));
      return [...new Set(values)].join(',');
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
  /** The caller's team's bank: choices read from a bank are validated against what that team can use. */
  bank: QuestionBank,
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
    input[option.name] = checkedValue(option, given, bank);
  }
  return input;
}
