/**
 * The single-file pack format (docs/pack-file-format.md): pack.yml's keys between the first two
 * `---` lines, then each question file one after another, each starting at a `---` line, outside a
 * code block, whose next non-blank line is its `id:`. A question's text is exactly what its own file
 * would hold.
 */
import { findFences } from '../code-fences.js';
import { splitFrontMatter } from '../question-file.js';

export interface MarkdownQuestion {
  /** The question's file text, trailing blank lines dropped. */
  text: string;
  /** The line of the single file where the question's first `---` is. */
  firstLine: number;
  /** The slug after `id:`, or null when it is not one (the question's own check says why). */
  id: string | null;
}

export interface MarkdownPack {
  /** pack.yml's text: the lines between the first two `---` lines, which start at line 2. */
  packYml: string;
  questions: MarkdownQuestion[];
}

export type MarkdownSplit =
  | { ok: true; pack: MarkdownPack }
  | { ok: false; problems: { line: number; message: string }[] };

const ID_LINE = /^id\s*:\s*["']?([a-z0-9][a-z0-9-]*)["']?\s*(?:#.*)?$/;
const STARTS_WITH_ID = /^id\s*:/;
/** A question's other front-matter keys: a `---` followed by one of them is a question missing its id line. */
const OTHER_KEY = /^(?:number|title|topic|difficulty|tags)\s*:/;

const isRule = (line: string | undefined) => line !== undefined && line.trimEnd() === '---';

export function splitPackMarkdown(text: string): MarkdownSplit {
  const split = splitFrontMatter(text);
  if (!split) {
    return {
      ok: false,
      problems: [
        {
          line: 1,
          message:
            'a pack file starts with pack.yml\'s keys between two "---" lines (see docs/pack-file-format.md)',
        },
      ],
    };
  }
  const { body, bodyLine } = split;
  const inCode = new Set<number>();
  for (const fence of findFences(body, 0)) for (let i = fence.line; i <= fence.end; i++) inCode.add(i);

  /** The index of the first non-blank line after `i`, or -1. */
  const nextFilled = (i: number) => {
    for (let j = i + 1; j < body.length; j++) if (body[j]!.trim() !== '') return j;
    return -1;
  };

  const problems: { line: number; message: string }[] = [];
  const starts: number[] = [];
  body.forEach((line, i) => {
    if (inCode.has(i) || !isRule(line)) return;
    const next = nextFilled(i);
    const nextLine = body[next] ?? '';
    if (STARTS_WITH_ID.test(nextLine)) starts.push(i);
    else if (OTHER_KEY.test(nextLine)) {
      problems.push({
        line: bodyLine + next,
        message: `a question's front matter starts with its "id:" line; this one starts with "${nextLine.split(':')[0]}:"`,
      });
    }
  });
  const firstStart = starts[0] ?? body.length;
  const stray = body.slice(0, firstStart).findIndex((line) => line.trim() !== '');
  if (stray >= 0) {
    problems.push({
      line: bodyLine + stray,
      message:
        'text between pack.yml and the first question: each question starts with a "---" line ' +
        'followed by its "id:" line',
    });
  }
  if (starts.length === 0 && stray < 0) {
    problems.push({
      line: Math.min(bodyLine, text.split('\n').length),
      message: 'no questions: each question starts with a "---" line followed by its "id:" line',
    });
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };

  const questions = starts.map((start, k) => {
    const lines = body.slice(start, starts[k + 1] ?? body.length);
    while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
    return {
      text: `${lines.join('\n')}\n`,
      firstLine: bodyLine + start,
      id: ID_LINE.exec(lines.find((line, i) => i > 0 && line.trim() !== '') ?? '')?.[1] ?? null,
    };
  });
  return { ok: true, pack: { packYml: `${split.yaml}\n`, questions } };
}
