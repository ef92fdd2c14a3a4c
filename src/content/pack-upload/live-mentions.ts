/**
 * Mentions in a pack's text. The renderers already keep them from pinging (Discord messages carry
 * `allowed_mentions: {parse: []}`, Slack text is escaped, so `<!channel>` never reaches Slack as
 * markup), but Discord still draws `<@…>` as a live mention and a pack written for one platform
 * should not lean on another's escaping. So an uploaded pack may not hold one outside code: code
 * (a fenced block or a `code span`) is shown as written on every platform.
 */
import { findFences } from '../code-fences.js';

/**
 * `@everyone`, `@here`, `@channel` as words (an e-mail address is not one), Discord's `<@id>`,
 * `<@!id>`, `<@&role>` and Slack's `<@U…>`, `<!channel>`, `<!here>`, `<!subteam^…>`. An HTML
 * comment (`<!--`) is left to the raw-HTML check.
 */
const MENTION = /(?<![\w@.+-])@(?:everyone|here|channel)\b|<@[^<>\n]*>|<!(?!--)[^<>\n]*>/gi;

/** Inline code spans blanked out, so a mention written as code is not read as one. */
const withoutCodeSpans = (line: string) => line.replace(/(`+)[^`].*?\1/g, (span) => ' '.repeat(span.length));

export interface LiveMention {
  /** 1-based line in the text given. */
  line: number;
  mention: string;
}

export function findLiveMentions(text: string): LiveMention[] {
  const lines = text.split('\n');
  const inCode = new Set<number>();
  for (const fence of findFences(lines)) for (let n = fence.line; n <= fence.end; n++) inCode.add(n);
  const found: LiveMention[] = [];
  lines.forEach((line, i) => {
    if (inCode.has(i + 1)) return;
    for (const m of withoutCodeSpans(line).matchAll(MENTION)) found.push({ line: i + 1, mention: m[0] });
  });
  return found;
}

/** The problem's text; the mention is quoted as code, so the reply that lists it does not draw it live either. */
export const mentionProblem = (mention: string) =>
  `mention \`${mention.slice(0, 40).replace(/`/g, "'")}\`: a pack may not mention anyone (reword it, or write it as code)`;
