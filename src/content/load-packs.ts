import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { QuestionBank } from '../core/question-bank.js';
import type { Pack, Question } from '../core/types.js';
import { parseQuestionFile } from './question-file.js';

const packSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(500).default(''),
});

export interface ContentProblem {
  file: string;
  message: string;
}

export interface LoadResult {
  packs: Pack[];
  questions: Question[];
  problems: ContentProblem[];
}

/** Reads every pack folder (content/<pack>/pack.yml + *.md) and reports every problem, not just the first. */
export function readContent(dir: string): LoadResult {
  const packs: Pack[] = [];
  const questions: Question[] = [];
  const problems: ContentProblem[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return { packs, questions, problems: [{ file: dir, message: 'content directory not found' }] };
  }
  const seenIds = new Map<string, string>();
  for (const name of entries) {
    const packDir = join(dir, name);
    if (!statSync(packDir).isDirectory()) continue;
    const packFile = join(packDir, 'pack.yml');
    let pack: Pack | null = null;
    try {
      const parsed = packSchema.safeParse(parseYaml(readFileSync(packFile, 'utf8')));
      if (parsed.success) pack = { id: name, ...parsed.data };
      else
        for (const i of parsed.error.issues)
          problems.push({ file: packFile, message: `${i.path.join('.')}: ${i.message}` });
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      problems.push({
        file: packFile,
        message: missing ? 'missing pack.yml (name, description)' : (error as Error).message,
      });
    }
    const seenNumbers = new Map<number, string>();
    for (const fileName of readdirSync(packDir)
      .filter((f) => f.endsWith('.md'))
      .sort()) {
      const file = join(packDir, fileName);
      const result = parseQuestionFile(readFileSync(file, 'utf8'), name);
      if (!result.ok) {
        for (const message of result.problems) problems.push({ file, message });
        continue;
      }
      const q = result.question;
      const idOwner = seenIds.get(q.id);
      const numberOwner = seenNumbers.get(q.number);
      if (idOwner) problems.push({ file, message: `id "${q.id}" is already used by ${idOwner}` });
      if (numberOwner)
        problems.push({ file, message: `number ${q.number} is already used by ${numberOwner}` });
      if (idOwner || numberOwner) continue;
      seenIds.set(q.id, file);
      seenNumbers.set(q.number, file);
      questions.push(q);
    }
    if (pack) packs.push(pack);
  }
  if (problems.length === 0 && questions.length === 0) {
    problems.push({ file: dir, message: 'no questions found (expected content/<pack>/*.md)' });
  }
  return { packs, questions, problems };
}

export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(problems.map((p) => `${p.file}: ${p.message}`).join('\n'));
    this.name = 'ContentError';
  }
}

/** The question bank, or a ContentError listing every problem: start-up refuses a broken bank. */
export function loadQuestionBank(dir: string): QuestionBank {
  const { packs, questions, problems } = readContent(dir);
  if (problems.length > 0) throw new ContentError(problems);
  return new QuestionBank(packs, questions);
}
