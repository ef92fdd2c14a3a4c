import { type OptionSpec, type UseCase, usageOf } from '../core/use-case.js';

const MARK_START = '<!-- commands:start (generated from src/use-cases/table.ts by npm run docs:commands) -->';
const MARK_END = '<!-- commands:end -->';

function optionText(option: OptionSpec): string {
  const values = option.choices
    ? `: ${option.choices.join(', ')}`
    : option.choicesFrom
      ? `: the ${option.choicesFrom} of the packs`
      : '';
  const extra = [option.required ? 'required' : null, option.default ? `default ${option.default}` : null]
    .filter(Boolean)
    .join(', ');
  return `\`${option.name}\` (${option.kind}${values}${extra ? `; ${extra}` : ''})`;
}

const escapeCell = (text: string) => text.replace(/\|/g, '\\|');

/** The command contract as a Markdown table: one row per use case, straight from its declaration. */
export function commandTableMarkdown(table: readonly UseCase[]): string {
  const rows = table.map((u) => {
    const how = u.trigger === 'command' ? `\`${escapeCell(usageOf(u))}\`` : `button: *${u.name}*`;
    const options = u.options.length > 0 ? u.options.map(optionText).join('<br>') : '—';
    const confirm = u.confirm ? 'yes' : 'no';
    return `| ${how} | ${escapeCell(u.description)} | ${escapeCell(options)} | ${u.who} | ${u.where} | ${u.answerTo} | ${confirm} |`;
  });
  return [
    '| command | what it does | options | who | where | answer to | confirms |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** The document with its generated command table replaced; throws when the markers are missing. */
export function withCommandTable(document: string, table: readonly UseCase[]): string {
  const start = document.indexOf(MARK_START);
  const end = document.indexOf(MARK_END);
  if (start < 0 || end < start) throw new Error(`the document has no ${MARK_START} … ${MARK_END} markers`);
  return `${document.slice(0, start + MARK_START.length)}\n${commandTableMarkdown(table)}\n${document.slice(end)}`;
}
