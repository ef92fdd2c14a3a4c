/**
 * Question content is Markdown; Slack speaks mrkdwn. Everything shown is
 * escaped first (& < >), so no text, typed or stored, becomes a live mention.
 */

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const FENCE = /^\s*```/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|[\s:|-]+\|\s*$/;

/** Emphasis, links and code spans inside one line of prose. */
function inline(text: string): string {
  // Code spans keep their content literally; only the prose between them is converted.
  return text
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 === 1 ? escapeMrkdwn(part) : prose(part)))
    .join('');
}

function prose(text: string): string {
  return (
    escapeMrkdwn(text)
      .replace(/\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g, '<$2|$1>')
      // *italic* -> _italic_ first, so the **bold** -> *bold* result is not read as italic again.
      .replace(/(^|[^*\w])\*(?![\s*])([^*\n]*?[^\s*])\*(?![*\w])/g, '$1_$2_')
      .replace(/\*\*(?!\s)([^\n]+?)(?<!\s)\*\*/g, '*$1*')
      .replace(/~~(?!\s)([^\n]+?)(?<!\s)~~/g, '~$1~')
  );
}

/** A Markdown table as an aligned, preformatted block (Slack has no tables). */
function table(rows: string[]): string[] {
  const cells = rows
    .filter((row) => !TABLE_RULE.test(row))
    .map((row) =>
      row
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((cell) => cell.trim().replace(/\*\*|`/g, '')),
    );
  const columns = Math.max(...cells.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(...cells.map((r) => (r[c] ?? '').length)),
  );
  const lines = cells.map((r) =>
    widths
      .map((w, c) => (r[c] ?? '').padEnd(w))
      .join('  ')
      .trimEnd(),
  );
  return ['```', ...lines.map(escapeMrkdwn), '```'];
}

/**
 * Converts content Markdown: bold, italics, links, headings, bullets, fenced
 * code, tables. Source files wrap prose at ~90 columns; Slack would show
 * those breaks, so a paragraph's lines are joined as Markdown reads them.
 */
export function markdownToMrkdwn(markdown: string): string {
  const out: string[] = [];
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  // Assigned inside the closures below; the cast keeps TypeScript from narrowing it to null.
  let pending = null as { prefix: string; text: string; hardBreak: boolean } | null;
  const flush = () => {
    if (pending) out.push(`${pending.prefix}${inline(pending.text)}`);
    pending = null;
  };
  const start = (prefix: string, text: string, raw: string) => {
    flush();
    pending = { prefix, text, hardBreak: / {2,}$|\\$/.test(raw) };
  };
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (FENCE.test(line)) {
      flush();
      // Slack shows a language tag as code, so the fence goes bare.
      out.push('```');
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out.push(escapeMrkdwn(line));
      continue;
    }
    if (TABLE_ROW.test(line)) {
      flush();
      const rows: string[] = [];
      while (i < lines.length && TABLE_ROW.test(lines[i]!)) rows.push(lines[i++]!);
      i--;
      out.push(...table(rows));
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    const bullet = /^(\s*)[-*+]\s+(.*)$/.exec(line);
    const numbered = /^(\s*\d{1,3}[.)])\s+(.*)$/.exec(line);
    const quote = /^>\s?(.*)$/.exec(line);
    if (line.trim() === '') {
      flush();
      out.push('');
    } else if (heading) {
      flush();
      out.push(`*${inline(heading[1]!.replace(/\*\*/g, ''))}*`);
    } else if (bullet) start(`${bullet[1]}• `, bullet[2]!, line);
    else if (numbered) start(`${numbered[1]} `, numbered[2]!, line);
    else if (quote) start('>', quote[1]!, line);
    else if (pending && !pending.hardBreak) {
      pending.text += ` ${line.trim()}`;
      pending.hardBreak = / {2,}$|\\$/.test(line);
    } else start('', line.trim(), line);
  }
  flush();
  if (inFence) out.push('```');
  return out.join('\n');
}
