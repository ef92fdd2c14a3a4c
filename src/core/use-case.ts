/**
 * One user intent, declared once. The engine dispatches over these; every
 * adapter builds its command data, text parser, help, reply visibility and
 * confirmation step from them. Adding a command is one file in src/use-cases/.
 */
import type { EngineDeps } from './engine-deps.js';
import type { Actor } from './types.js';
import type { View } from './views.js';

/** `attachment` is a file the platform uploads (Discord attachment, Slack file, console path). */
export type OptionKind = 'text' | 'choice' | 'integer' | 'user' | 'attachment';

/** Where a choice option's allowed values come from when they are not fixed. */
export type ChoiceSource = 'topics' | 'packs';

export interface OptionSpec {
  readonly name: string;
  readonly kind: OptionKind;
  readonly description: string;
  readonly required?: boolean;
  /** Fixed values of a `choice` option. */
  readonly choices?: readonly string[];
  /** Values of a `choice` option read from the question bank at run time (Discord offers them by autocomplete). */
  readonly choicesFrom?: ChoiceSource;
  /** A `choice` option that takes several values as a comma list (`pack=python,sql`). */
  readonly list?: boolean;
  /** Discord suggests values while typing. */
  readonly autocomplete?: 'question' | 'timezone' | ChoiceSource;
  readonly maxLength?: number;
  readonly min?: number;
  readonly max?: number;
  /**
   * Typed as text (Slack, console), a word without `name=` fills: `word` the
   * next positional option, `rest` every remaining word, `choice` this option
   * when the word is one of its choices. Otherwise only `name=value` sets it.
   */
  readonly positional?: 'word' | 'rest' | 'choice';
  /** Other spellings of choice values (`alltime` → `all`). */
  readonly aliases?: Readonly<Record<string, string>>;
  /** Other names for the option in `name=value` (`tz` → `timezone`). */
  readonly keyAliases?: readonly string[];
  /** What the usage line shows in place of the name (`HH:MM`). */
  readonly placeholder?: string;
  /** Value when the option is not given. */
  readonly default?: string;
}

/** Validated option values, keyed by option name. */
export type Input = Readonly<Record<string, string | number | undefined>>;

export interface UseCase {
  /** The words after /drill (`ask`, `schedule set`); for button-only intents, the action's name. */
  readonly name: string;
  /** Other words that start this command in text (`board` for `leaderboard`). */
  readonly aliases?: readonly string[];
  /** One line for help and Discord's command list. */
  readonly description: string;
  /** `command`: /drill; `button`: a button or form on a question (reveal, write, grade). */
  readonly trigger: 'command' | 'button';
  readonly options: readonly OptionSpec[];
  readonly who: 'anyone' | 'admins';
  readonly where: 'channel' | 'anywhere';
  /** Who sees the answer: the caller alone, or the whole channel. Errors always go to the caller alone. */
  readonly answerTo: 'caller' | 'channel';
  /** When set, running it first asks this question with a confirm button; only the confirmation runs it. */
  readonly confirm?: { readonly prompt: string; readonly button: string };
  /** False when a successful run must not record the caller's display name (forget-me deletes it). */
  readonly recordsName?: boolean;
  run(deps: EngineDeps, actor: Actor, input: Input): Promise<View> | View;
}

export const usesCommand = (u: UseCase): boolean => u.trigger === 'command';

/** `/drill schedule set HH:MM <timezone> [days] [topic=…]` from the declaration. */
export function usageOf(useCase: UseCase): string {
  const parts = [`/drill ${useCase.name}`];
  for (const option of useCase.options) {
    const shown =
      option.positional === 'choice' && option.choices
        ? option.choices.join('|')
        : option.positional
          ? (option.placeholder ?? option.name)
          : `${option.name}=${option.placeholder ?? '…'}`;
    parts.push(option.required ? shown : `[${shown}]`);
  }
  return parts.join(' ');
}

/** Help's lines: every /drill command of the table with its usage. */
export function helpEntries(table: readonly UseCase[]): { usage: string; description: string }[] {
  return table.filter(usesCommand).map((u) => ({ usage: usageOf(u), description: u.description }));
}

/**
 * Who sees a use case's answer: its declaration says, except that an error or
 * a confirmation prompt is always for the caller alone.
 */
export function audienceOf(useCase: UseCase, view: View): 'caller' | 'channel' {
  if (view.kind === 'confirm' || (view.kind === 'notice' && view.tone === 'error')) return 'caller';
  return useCase.answerTo;
}
