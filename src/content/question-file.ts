import { z } from 'zod';
import { DIFFICULTIES, type Question } from '../core/types.js';
import { fenceSpec, findFences } from './code-fences.js';
import { withParsedSections } from './markdown.js';
import { issueText, parseLocatedYaml } from './yaml-lines.js';

/**
 * Transitional: whether `## Short answer` and `## What interviewers listen for` are required.
 * The python pack is being rewritten into the new format; until it is, setting this to false
 * lets it load (its questions then get an empty short answer and listen-for). Sections that are
 * present are checked either way.
 */
export const COACHING_SECTIONS_REQUIRED = true;

const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/** The YAML front matter of a question file. */
export const frontMatterSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'id must be a lowercase slug (a-z, 0-9, -)'),
  number: z.number().int().min(1).max(9999),
  title: z.string().trim().min(1).max(300),
  topic: z.string().regex(SLUG, 'topic must be a lowercase slug (a-z, 0-9, -)'),
  difficulty: z.enum(DIFFICULTIES),
  tags: z.array(z.string().regex(SLUG, 'tags are lowercase slugs')).max(10).default([]),
});

/** The sections of a question file, in the order they must appear. */
export const SECTIONS = [
  'Short answer',
  'Answer',
  'Key points',
  'What interviewers listen for',
  'Common mistakes',
  'Example',
  'Follow-ups',
] as const;
export type SectionName = (typeof SECTIONS)[number];

export const MIN_KEY_POINTS = 3;
export const MAX_KEY_POINTS = 7;

/** The three labels of "What interviewers listen for", in order. */
export const LISTEN_FOR_LABELS = [
  ['nailed', 'Nailed it:'],
  ['partly', 'Partly:'],
  ['missed', 'Missed:'],
] as const;

/**
 * Phone-size limits in characters. The format says a short answer under 400 and a key point
 * under 150; "about" 2,200 for an answer and 5,000 for the file, so those two get 10% of slack.
 */
export const LIMITS = { shortAnswer: 400, keyPoint: 150, answer: 2_420, file: 5_500 } as const;

export type ParseResult = { ok: true; question: Question } | { ok: false; problems: string[] };

export interface ParseOptions {
  /** The pack's topics (pack.yml); when given, the question's topic must be one of them. */
  topics?: readonly string[];
  /** Whether Short answer and What interviewers listen for are required; COACHING_SECTIONS_REQUIRED by default. */
  coachingRequired?: boolean;
}

interface Line {
  n: number;
  text: string;
}

interface Section {
  name: SectionName;
  line: number;
  lines: Line[];
}

interface Item {
  line: number;
  text: string;
  children: Item[];
}

/** Problems with their line (null when no line fits), sorted and formatted at the end. */
class Problems {
  private readonly list: { line: number | null; message: string }[] = [];
  add(line: number | null, message: string): void {
    this.list.push({ line, message });
  }
  get size(): number {
    return this.list.length;
  }
  lines(): string[] {
    const out = [...this.list]
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
      .map((p) => (p.line === null ? p.message : `line ${p.line}: ${p.message}`).replace(/\s*\n\s*/g, ' '));
    return [...new Set(out)];
  }
}

/** The front matter's YAML and the body's lines, or null when the file does not start with `---`. */
export function splitFrontMatter(text: string): { yaml: string; body: string[]; bodyLine: number } | null {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  if (lines[0]?.trimEnd() !== '---') return null;
  const end = lines.findIndex((l, i) => i > 0 && l.trimEnd() === '---');
  if (end < 0) return null;
  return { yaml: lines.slice(1, end).join('\n'), body: lines.slice(end + 1), bodyLine: end + 2 };
}

const sectionList = SECTIONS.map((s) => `## ${s}`).join(', ');

function splitSections(
  body: readonly Line[],
  fenceLines: ReadonlySet<number>,
  problems: Problems,
): Section[] {
  const sections: Section[] = [];
  let current: Section | null = null;
  let strayText = false;
  let furthest = -1;
  for (const line of body) {
    const heading = fenceLines.has(line.n) ? null : /^##\s+(.+?)\s*#*\s*$/.exec(line.text);
    if (heading) {
      const name = heading[1]!;
      const index = (SECTIONS as readonly string[]).indexOf(name);
      current = null;
      if (index < 0) {
        problems.add(line.n, `unknown section "## ${name}" (sections: ${sectionList})`);
      } else if (sections.some((s) => s.name === name)) {
        problems.add(line.n, `section "## ${name}" appears twice`);
      } else {
        if (index < furthest) {
          problems.add(
            line.n,
            `"## ${name}" must come before "## ${SECTIONS[furthest]}" (order: ${SECTIONS.join(', ')})`,
          );
        }
        furthest = Math.max(furthest, index);
        current = { name: name as SectionName, line: line.n, lines: [] };
        sections.push(current);
      }
    } else if (current) current.lines.push(line);
    else if (line.text.trim() && !strayText && !sections.length) {
      strayText = true;
      problems.add(line.n, 'text before the first section; start with "## Short answer"');
    }
  }
  return sections;
}

/** A section's text, trimmed, as Markdown. */
const prose = (section: Section | undefined) =>
  section
    ? section.lines
        .map((l) => l.text)
        .join('\n')
        .trim()
    : '';

/** The bullets of a list section; indented lines and lines right under a bullet continue it. */
function parseList(section: Section, fenceLines: ReadonlySet<number>, problems: Problems): Item[] {
  const items: Item[] = [];
  let current: Item | null = null;
  let lazy = false;
  let reportedText = false;
  let reportedFence = false;
  for (const line of section.lines) {
    if (fenceLines.has(line.n)) {
      if (!reportedFence)
        problems.add(line.n, `a code block in "## ${section.name}"; put code in "## Example"`);
      reportedFence = true;
      continue;
    }
    if (!line.text.trim()) {
      lazy = false;
      continue;
    }
    const bullet = /^(\s*)[-*+](?:\s+(.*))?$/.exec(line.text);
    if (bullet) {
      const item: Item = { line: line.n, text: (bullet[2] ?? '').trim(), children: [] };
      const parent = items[items.length - 1];
      if (bullet[1]!.length < 2 || !parent) items.push(item);
      else parent.children.push(item);
      current = item;
      lazy = true;
    } else if (current && (lazy || /^\s/.test(line.text))) {
      current.text = `${current.text} ${line.text.trim()}`.trim();
    } else if (!reportedText) {
      reportedText = true;
      problems.add(line.n, `"## ${section.name}" holds a bullet list only ("- ..." on each item)`);
    }
  }
  return items;
}

function noNesting(items: readonly Item[], section: SectionName, problems: Problems): void {
  for (const item of items) {
    const child = item.children[0];
    if (child) problems.add(child.line, `"## ${section}" bullets are one level deep (no nested bullets)`);
  }
}

function noEmptyBullets(items: readonly Item[], section: SectionName, problems: Problems): void {
  for (const item of [...items, ...items.flatMap((i) => i.children)]) {
    if (!item.text) problems.add(item.line, `empty bullet in "## ${section}"`);
  }
}

/** Inline code replaced by spaces (lines kept), so rules about prose skip it. */
const withoutInlineCode = (text: string) =>
  text
    .split(/(\n[ \t]*\n)/)
    .map((paragraph) => paragraph.replace(/(`+)[\s\S]*?\1/g, (code) => code.replace(/[^\n]/g, ' ')))
    .join('');

/** An opening or closing tag, or the start of an HTML comment. */
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<!--/g;

/** One problem per line that holds a raw HTML tag outside code. */
function checkHtml(lines: readonly Line[], fenceLines: ReadonlySet<number>, problems: Problems): void {
  if (lines.length === 0) return;
  const text = withoutInlineCode(lines.map((l) => (fenceLines.has(l.n) ? '' : l.text)).join('\n'));
  const reported = new Set<number>();
  for (const m of text.matchAll(HTML_TAG)) {
    const row = text.slice(0, m.index).split('\n').length - 1;
    const n = lines[row]!.n;
    if (reported.has(n)) continue;
    reported.add(n);
    problems.add(n, `raw HTML "${m[0].slice(0, 40)}"; write Markdown, or put code in backticks`);
  }
}

function checkKeyPoints(items: readonly Item[], problems: Problems): void {
  const seen = new Map<string, number>();
  for (const item of items) {
    if (!item.text) continue;
    const outsideCode = withoutInlineCode(item.text);
    if (outsideCode.includes(';')) {
      problems.add(item.line, 'key point joins two ideas with ";" (one idea per bullet)');
    }
    if (/[^.]\.$/.test(item.text) || item.text === '.') {
      problems.add(item.line, 'key point ends with a full stop (key points take no full stop)');
    }
    if (item.text.length >= LIMITS.keyPoint) {
      problems.add(
        item.line,
        `key point is ${item.text.length} characters; keep it under ${LIMITS.keyPoint}`,
      );
    }
    const key = item.text
      .toLowerCase()
      .replace(/[.\s]+$/, '')
      .replace(/\s+/g, ' ');
    const first = seen.get(key);
    if (first !== undefined) problems.add(item.line, `key point repeats line ${first}`);
    else seen.set(key, item.line);
  }
}

function parseListenFor(section: Section, items: readonly Item[], problems: Problems): Question['listenFor'] {
  const out = { nailed: '', partly: '', missed: '' };
  const labels = LISTEN_FOR_LABELS.map(([, label]) => `**${label}**`).join(', ');
  if (items.length !== LISTEN_FOR_LABELS.length) {
    problems.add(
      section.line,
      `"## ${section.name}" needs exactly three bullets, ${labels}; found ${items.length}`,
    );
  }
  LISTEN_FOR_LABELS.forEach(([key, label], i) => {
    const item = items[i];
    if (!item) return;
    const prefix = `**${label}**`;
    if (!item.text.startsWith(prefix)) {
      problems.add(item.line, `bullet ${i + 1} of "## ${section.name}" must start with ${prefix}`);
      return;
    }
    const text = item.text.slice(prefix.length).trim();
    if (!text) problems.add(item.line, `${prefix} is empty`);
    out[key] = text;
  });
  return out;
}

function parseFollowUps(items: readonly Item[], problems: Problems): Question['followUps'] {
  return items.map((item) => {
    for (const child of item.children) {
      if (child.children.length > 0)
        problems.add(child.children[0]!.line, 'follow-up answers are not nested further');
    }
    if (item.children.length > 1) {
      problems.add(
        item.children[1]!.line,
        `a follow-up has one answer (one nested bullet); this one has ${item.children.length}`,
      );
    }
    return { question: item.text, answer: item.children[0]?.text ?? null };
  });
}

function checkFences(body: readonly string[], bodyLine: number, problems: Problems): Set<number> {
  const fenceLines = new Set<number>();
  for (const fence of findFences(body, bodyLine)) {
    for (let n = fence.line; n <= fence.end; n++) fenceLines.add(n);
    if (!fence.closed) problems.add(fence.line, 'code block is never closed (no closing ```)');
    const { spec, problems: fenceProblems } = fenceSpec(fence.info);
    for (const p of fenceProblems) problems.add(fence.line, p);
    if (spec && !fence.code.trim()) problems.add(fence.line, 'empty code block');
  }
  return fenceLines;
}

function checkFrontMatter(
  yamlText: string,
  problems: Problems,
  options: ParseOptions,
): z.infer<typeof frontMatterSchema> | null {
  const yaml = parseLocatedYaml(yamlText, 2);
  if (yaml.error) {
    problems.add(null, yaml.error);
    return null;
  }
  const front = frontMatterSchema.safeParse(yaml.data);
  if (!front.success) {
    const data = yaml.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      problems.add(2, 'front matter is not a YAML mapping (key: value lines)');
      return null;
    }
    const keys = Object.keys(frontMatterSchema.shape).join(', ');
    for (const issue of front.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          problems.add(yaml.lineOf([key], true), `front matter has an unknown key "${key}" (keys: ${keys})`);
        }
        continue;
      }
      const key = issue.path[0];
      if (key !== undefined && !(String(key) in data)) {
        problems.add(null, `front matter is missing "${String(key)}"`);
        continue;
      }
      problems.add(yaml.lineOf(issue.path), `front matter ${issueText(issue, data)}`);
    }
    return null;
  }
  const topics = options.topics;
  if (topics && !topics.includes(front.data.topic)) {
    problems.add(
      yaml.lineOf(['topic']),
      `topic "${front.data.topic}" is not one of the pack's topics in pack.yml (${topics.join(', ')})`,
    );
  }
  const titleLine = yaml.lineOf(['title']);
  if (titleLine !== null) checkHtml([{ n: titleLine, text: front.data.title }], new Set(), problems);
  return front.data;
}

/** Parses one question file's text; each problem is one short line, naming its line where it can. */
export function parseQuestionFile(text: string, pack: string, options: ParseOptions = {}): ParseResult {
  const coachingRequired = options.coachingRequired ?? COACHING_SECTIONS_REQUIRED;
  const split = splitFrontMatter(text);
  if (!split) return { ok: false, problems: ['line 1: missing YAML front matter between --- lines'] };
  const problems = new Problems();
  const front = checkFrontMatter(split.yaml, problems, options);

  const body = split.body.map((t, i) => ({ n: split.bodyLine + i, text: t }));
  const fenceLines = checkFences(split.body, split.bodyLine, problems);
  const sections = splitSections(body, fenceLines, problems);
  const get = (name: SectionName) => sections.find((s) => s.name === name);
  for (const section of sections) checkHtml(section.lines, fenceLines, problems);

  const take = (name: SectionName, required: boolean): Section | undefined => {
    const section = get(name);
    if (!section && required) problems.add(null, `missing "## ${name}" section`);
    if (section && !prose(section)) problems.add(section.line, `"## ${name}" is empty`);
    return section;
  };

  const shortSection = take('Short answer', coachingRequired);
  const shortAnswer = prose(shortSection);
  if (shortSection && shortAnswer.length >= LIMITS.shortAnswer) {
    problems.add(
      shortSection.line,
      `"## Short answer" is ${shortAnswer.length} characters; keep it under ${LIMITS.shortAnswer}`,
    );
  }

  const answerSection = take('Answer', true);
  const answer = prose(answerSection);
  if (answerSection && answer.length > LIMITS.answer) {
    problems.add(answerSection.line, `"## Answer" is ${answer.length} characters; keep it under about 2,200`);
  }

  const keySection = take('Key points', true);
  const keyPoints = keySection ? parseList(keySection, fenceLines, problems) : [];
  if (keySection) {
    noNesting(keyPoints, 'Key points', problems);
    noEmptyBullets(keyPoints, 'Key points', problems);
    if (keyPoints.length > 0 && (keyPoints.length < MIN_KEY_POINTS || keyPoints.length > MAX_KEY_POINTS)) {
      problems.add(
        keySection.line,
        `"## Key points" has ${keyPoints.length} bullets; it needs ${MIN_KEY_POINTS} to ${MAX_KEY_POINTS}`,
      );
    }
    checkKeyPoints(keyPoints, problems);
  }

  const listenSection = take('What interviewers listen for', coachingRequired);
  let listenFor: Question['listenFor'] = { nailed: '', partly: '', missed: '' };
  if (listenSection && prose(listenSection)) {
    const items = parseList(listenSection, fenceLines, problems);
    noNesting(items, 'What interviewers listen for', problems);
    listenFor = parseListenFor(listenSection, items, problems);
  }

  const mistakesSection = take('Common mistakes', false);
  const mistakes = mistakesSection ? parseList(mistakesSection, fenceLines, problems) : [];
  noNesting(mistakes, 'Common mistakes', problems);
  noEmptyBullets(mistakes, 'Common mistakes', problems);

  const example = prose(take('Example', false));

  const followSection = take('Follow-ups', false);
  const followItems = followSection ? parseList(followSection, fenceLines, problems) : [];
  noEmptyBullets(followItems, 'Follow-ups', problems);
  const followUps = parseFollowUps(followItems, problems);

  const size = text.length;
  if (size > LIMITS.file)
    problems.add(1, `the file is ${size} characters; keep a question under about 5,000`);

  if (problems.size > 0 || !front) return { ok: false, problems: problems.lines() };
  return {
    ok: true,
    question: withParsedSections({
      ...front,
      pack,
      shortAnswer,
      answer,
      keyPoints: keyPoints.map((k) => k.text),
      listenFor,
      mistakes: mistakes.map((m) => m.text),
      ...(example ? { example } : {}),
      followUps,
    }),
  };
}
