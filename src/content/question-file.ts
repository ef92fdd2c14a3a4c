import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { DIFFICULTIES, type Question, TOPICS } from '../core/types.js';

/** The YAML front matter of a question file. */
export const frontMatterSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'id must be a lowercase slug (a-z, 0-9, -)'),
  number: z.number().int().min(1).max(9999),
  title: z.string().trim().min(1).max(300),
  topic: z.enum(TOPICS),
  difficulty: z.enum(DIFFICULTIES),
  tags: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'tags are lowercase slugs'))
    .max(10)
    .default([]),
});

export const SECTIONS = ['Answer', 'Key points', 'Example', 'Follow-ups'] as const;
export const MIN_KEY_POINTS = 3;
export const MAX_KEY_POINTS = 7;

export type ParseResult = { ok: true; question: Question } | { ok: false; problems: string[] };

/** Bullet items of a section; indented lines continue the previous bullet. */
function bullets(text: string): string[] {
  const items: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^[-*]\s+(.*)$/.exec(line);
    if (m) items.push(m[1]!.trim());
    else if (line.trim() && /^\s+/.test(line) && items.length > 0)
      items[items.length - 1] += ` ${line.trim()}`;
  }
  return items;
}

function splitSections(body: string): { sections: Map<string, string>; problems: string[] } {
  const sections = new Map<string, string>();
  const problems: string[] = [];
  let current: string | null = null;
  let lines: string[] = [];
  let inFence = false;
  const flush = () => {
    if (current !== null) sections.set(current, lines.join('\n').trim());
  };
  for (const line of body.split('\n')) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^##\s+(.+?)\s*$/.exec(line);
    if (heading) {
      flush();
      current = heading[1]!;
      lines = [];
      if (!(SECTIONS as readonly string[]).includes(current)) {
        problems.push(`unknown section "## ${current}" (use ${SECTIONS.map((s) => `## ${s}`).join(', ')})`);
      } else if (sections.has(current)) problems.push(`section "## ${current}" appears twice`);
    } else if (current !== null) lines.push(line);
    else if (line.trim()) problems.push('text before the first section; start with "## Answer"');
  }
  flush();
  return { sections, problems: [...new Set(problems)] };
}

/** Parses one question file's text; problems are one short line each. */
export function parseQuestionFile(text: string, pack: string): ParseResult {
  const normalized = text.replace(/\r\n/g, '\n');
  const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(normalized);
  if (!m) return { ok: false, problems: ['missing YAML front matter between --- lines'] };
  let data: unknown;
  try {
    data = parseYaml(m[1]!);
  } catch (error) {
    return {
      ok: false,
      problems: [`front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`],
    };
  }
  const problems: string[] = [];
  const front = frontMatterSchema.safeParse(data);
  if (!front.success) {
    for (const issue of front.error.issues) {
      problems.push(`front matter ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
  }
  const { sections, problems: sectionProblems } = splitSections(m[2]!);
  problems.push(...sectionProblems);
  const answer = sections.get('Answer') ?? '';
  if (!answer) problems.push('missing or empty "## Answer" section');
  const keyPoints = bullets(sections.get('Key points') ?? '');
  if (!sections.has('Key points')) problems.push('missing "## Key points" section');
  else if (keyPoints.length < MIN_KEY_POINTS || keyPoints.length > MAX_KEY_POINTS) {
    problems.push(
      `"## Key points" has ${keyPoints.length} bullets; it needs ${MIN_KEY_POINTS} to ${MAX_KEY_POINTS}`,
    );
  }
  if (sections.has('Example') && !sections.get('Example')) problems.push('"## Example" section is empty');
  if (problems.length > 0 || !front.success) return { ok: false, problems };
  const example = sections.get('Example');
  return {
    ok: true,
    question: {
      ...front.data,
      pack,
      answer,
      keyPoints,
      ...(example ? { example } : {}),
      followUps: bullets(sections.get('Follow-ups') ?? ''),
    },
  };
}
