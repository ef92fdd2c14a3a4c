import type { OptionSpec, UseCase } from '../../core/use-case.js';

/** The words after /drill as a use case and its raw option values, or a one-line hint. */
export type ParsedText =
  | { kind: 'use-case'; useCase: UseCase; input: Record<string, string> }
  | { kind: 'hint'; text: string };

export interface TextParseOptions {
  /** A platform's user mention (`<@U123|bob>` on Slack) as the user's id; adapters know their syntax. */
  userId?: (word: string) => string;
}

const MAX_WORDS = 40;

function matchUseCase(words: string[], table: readonly UseCase[]): { useCase: UseCase; used: number } | null {
  let best: { useCase: UseCase; used: number } | null = null;
  for (const useCase of table) {
    if (useCase.trigger !== 'command') continue;
    for (const name of [useCase.name, ...(useCase.aliases ?? [])]) {
      const parts = name.split(' ');
      const matches = parts.every((p, i) => words[i]?.toLowerCase() === p);
      if (matches && (!best || parts.length > best.used)) best = { useCase, used: parts.length };
    }
  }
  return best;
}

function optionForKey(useCase: UseCase, key: string): OptionSpec | undefined {
  const k = key.toLowerCase();
  return useCase.options.find((o) => o.name === k || o.keyAliases?.includes(k));
}

const isChoiceWord = (option: OptionSpec, word: string) => {
  const w = word.toLowerCase();
  return Boolean(option.choices?.includes(w) || option.aliases?.[w]);
};

/**
 * Text commands (Slack, console) read from the same declarations as Discord's
 * options: `name=value` sets any option; other words fill `choice` options
 * they name, then `word` options in order, then the `rest` option.
 */
export function parseCommandText(
  text: string,
  table: readonly UseCase[],
  options: TextParseOptions = {},
): ParsedText {
  const words = text
    .trim()
    .replace(/^\/?drill\b/i, '')
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, MAX_WORDS);
  if (words.length === 0) words.push('help');
  const match = matchUseCase(words, table);
  if (!match) return { kind: 'hint', text: `Unknown command "${words[0]!.slice(0, 40)}". Try /drill help.` };
  const { useCase } = match;
  const input: Record<string, string> = {};
  const free: string[] = [];
  for (const word of words.slice(match.used)) {
    const keyed = /^([a-z-]+)[=:](.*)$/i.exec(word);
    const option = keyed ? optionForKey(useCase, keyed[1]!) : undefined;
    if (keyed && option) input[option.name] = keyed[2]!;
    else free.push(word);
  }
  const rest: string[] = [];
  const positional = useCase.options.filter((o) => o.positional === 'word');
  const restOption = useCase.options.find((o) => o.positional === 'rest');
  for (const word of free) {
    const choice = useCase.options.find(
      (o) => o.positional === 'choice' && input[o.name] === undefined && isChoiceWord(o, word),
    );
    if (choice) {
      input[choice.name] = word;
      continue;
    }
    const next = rest.length === 0 ? positional.find((o) => input[o.name] === undefined) : undefined;
    if (next) input[next.name] = word;
    else if (restOption && input[restOption.name] === undefined) rest.push(word);
    else {
      const unfilledChoice = useCase.options.find(
        (o) => o.positional === 'choice' && input[o.name] === undefined,
      );
      const hint = unfilledChoice?.choices ? ` Use ${unfilledChoice.choices.join(', ')}.` : '';
      return { kind: 'hint', text: `Unexpected "${word.slice(0, 40)}" after /drill ${useCase.name}.${hint}` };
    }
  }
  if (restOption && rest.length > 0) input[restOption.name] = rest.join(' ');
  for (const option of useCase.options) {
    if (option.kind === 'user' && input[option.name] !== undefined && options.userId) {
      input[option.name] = options.userId(input[option.name]!);
    }
  }
  return { kind: 'use-case', useCase, input };
}
