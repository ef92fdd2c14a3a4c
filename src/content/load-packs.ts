import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { QuestionBank } from '../core/question-bank.js';
import type { Pack, Question } from '../core/types.js';
import { PACK_KEYS, parsePackFile } from './pack-file.js';
import { COACHING_SECTIONS_REQUIRED, parseQuestionFile } from './question-file.js';

export interface ContentProblem {
  file: string;
  message: string;
}

export interface LoadResult {
  packs: Pack[];
  questions: Question[];
  problems: ContentProblem[];
}

export interface ReadOptions {
  /** Whether Short answer and What interviewers listen for are required; COACHING_SECTIONS_REQUIRED by default. */
  coachingRequired?: boolean;
}

/** A folder is one pack when it holds a pack.yml; otherwise it is a content root of pack folders. */
export const isPackFolder = (dir: string) => existsSync(join(dir, 'pack.yml'));

/** The pack folders under `dir`: `dir` itself when it is one pack, else its sub-folders, sorted. */
export function packFolders(dir: string): string[] {
  if (isPackFolder(dir)) return [dir];
  return readdirSync(dir)
    .sort()
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isDirectory());
}

/**
 * Reads a content root (content/<pack>/pack.yml + *.md) or one pack folder, and reports every
 * problem, not just the first. Ids and numbers are unique across every pack read.
 */
export function readContent(dir: string, options: ReadOptions = {}): LoadResult {
  const coachingRequired = options.coachingRequired ?? COACHING_SECTIONS_REQUIRED;
  const packs: Pack[] = [];
  const questions: Question[] = [];
  const problems: ContentProblem[] = [];
  let folders: string[];
  try {
    folders = packFolders(dir);
  } catch {
    return { packs, questions, problems: [{ file: dir, message: 'content directory not found' }] };
  }
  if (!isPackFolder(dir)) {
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      problems.push({
        file: join(dir, name),
        message: 'a question file belongs in a pack folder (<pack>/pack.yml beside it)',
      });
    }
  }
  const seenIds = new Map<string, string>();
  const seenNumbers = new Map<number, string>();
  for (const packDir of folders) {
    const id = basename(resolve(packDir));
    const packFile = join(packDir, 'pack.yml');
    let pack: Pack | null = null;
    if (!existsSync(packFile)) {
      problems.push({ file: packFile, message: `missing pack.yml (${PACK_KEYS})` });
    } else {
      const parsed = parsePackFile(readFileSync(packFile, 'utf8'), id);
      pack = parsed.pack;
      for (const message of parsed.problems) problems.push({ file: packFile, message });
    }
    const files = readdirSync(packDir)
      .filter((f) => f.endsWith('.md'))
      .sort();
    if (files.length === 0)
      problems.push({ file: packDir, message: `pack "${id}" has no question files (*.md)` });
    for (const fileName of files) {
      const file = join(packDir, fileName);
      const result = parseQuestionFile(readFileSync(file, 'utf8'), id, {
        coachingRequired,
        ...(pack ? { topics: pack.topics } : {}),
      });
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
    problems.push({ file: dir, message: 'no questions found (expected <pack>/pack.yml and <pack>/*.md)' });
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
export function loadQuestionBank(dir: string, options: ReadOptions = {}): QuestionBank {
  const { packs, questions, problems } = readContent(dir, options);
  if (problems.length > 0) throw new ContentError(problems);
  return new QuestionBank(packs, questions);
}
