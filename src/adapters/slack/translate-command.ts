import type { UseCase } from '../../core/use-case.js';
import { type ParsedText, parseCommandText } from '../text/parse-command-text.js';

/** A Slack user mention (<@U123|name> or <@U123>) as the user id; other words as typed, without a leading @. */
export function slackUserId(word: string): string {
  const m = /^<@([A-Z0-9]+)(?:\|[^>]*)?>$/i.exec(word);
  return m ? m[1]! : word.replace(/^@/, '');
}

/** The words after /drill as a use case and its options, or the one-line hint for words it does not understand. */
export function translateCommandText(text: unknown, table: readonly UseCase[]): ParsedText {
  // A forged body may repeat or drop the field; only a string is words.
  if (typeof text !== 'string') return { kind: 'hint', text: 'Try /drill help.' };
  return parseCommandText(text, table, { userId: slackUserId });
}
