/**
 * An uploaded pack folder checked by the same parsers content:check uses (pack-file.ts,
 * question-file.ts), plus what only an upload needs: ids and numbers free across the other packs,
 * the question limit, and no mentions. Every problem is reported (up to the listing limit), each at
 * its place in the upload; one problem anywhere and nothing is returned.
 */
import type { Pack, Question } from '../../core/types.js';
import { parsePackFile } from '../pack-file.js';
import { LIMITS, parseQuestionFile, splitFrontMatter } from '../question-file.js';
import { parseLocatedYaml } from '../yaml-lines.js';
import { findLiveMentions, mentionProblem } from './live-mentions.js';
import { splitProblemLine } from './problem-line.js';
import { PACK_UPLOAD_LIMITS } from './upload-limits.js';
import type {
  PackSource,
  PackUploadContext,
  PackUploadResult,
  UploadPlace,
  UploadProblem,
} from './upload-types.js';

interface FileProblem {
  line: number | null;
  message: string;
}

/**
 * A parser's answer, or its throw as a problem: the YAML library throws on some hostile input
 * (an alias bomb) instead of reporting it, and an upload must get problems back, never an exception.
 */
function guarded<T>(parse: () => T): { read: T } | { thrown: FileProblem } {
  try {
    return { read: parse() };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { thrown: { line: null, message: `could not be read: ${reason.split('\n')[0]!.slice(0, 200)}` } };
  }
}

/** The line of a question file's front-matter key, or null. */
function frontMatterLine(text: string, key: string): number | null {
  const split = splitFrontMatter(text);
  return split ? parseLocatedYaml(split.yaml, 2).lineOf([key], true) : null;
}

const parserProblems = (problems: readonly string[]): FileProblem[] => problems.map(splitProblemLine);

const mentionProblems = (text: string): FileProblem[] =>
  findLiveMentions(text).map((m) => ({ line: m.line, message: mentionProblem(m.mention) }));

/** Where another question already holds an id or number, said from where the clash is. */
const elsewhere = (owner: UploadPlace, here: UploadPlace) =>
  owner.file === here.file ? `line ${owner.line}` : owner.file;

export function checkPackFiles(
  source: PackSource,
  uploadName: string,
  context: PackUploadContext,
): PackUploadResult {
  const { files, locate } = source;
  const problems: UploadProblem[] = [];
  const report = (path: string, found: FileProblem[]) => {
    for (const p of [...found].sort((a, b) => (a.line ?? 0) - (b.line ?? 0))) {
      problems.push({ ...locate(path, p.line), message: p.message });
    }
  };

  const questionPaths = Object.keys(files).filter((path) => path !== 'pack.yml');
  if (questionPaths.length > PACK_UPLOAD_LIMITS.questions) {
    const message = `the pack has ${questionPaths.length} questions; a pack may hold at most ${PACK_UPLOAD_LIMITS.questions}`;
    return { ok: false, problems: [{ file: uploadName, message }] };
  }

  let pack: Pack | null = null;
  const packText = files['pack.yml'];
  if (packText === undefined) {
    problems.push({ file: uploadName, message: 'no pack.yml (see docs/pack-file-format.md)' });
  } else {
    const parsed = guarded(() => parsePackFile(packText, null));
    pack = 'read' in parsed ? parsed.read.pack : null;
    const found = [
      ...('read' in parsed ? parserProblems(parsed.read.problems) : [parsed.thrown]),
      ...mentionProblems(packText),
    ];
    if (pack && context.reservedPackIds?.has(pack.id)) {
      found.push({
        line: parseLocatedYaml(packText).lineOf(['id']),
        message: `id "${pack.id}" is already another pack's id; choose another`,
      });
    }
    report('pack.yml', found);
  }
  if (questionPaths.length === 0) problems.push({ file: uploadName, message: 'no question files (*.md)' });

  const questions: Question[] = [];
  const idOwners = new Map<string, UploadPlace>();
  const numberOwners = new Map<number, UploadPlace>();
  for (const path of questionPaths) {
    // Past the listing limit the rest is not checked (read-pack-upload.ts says so).
    if (problems.length > PACK_UPLOAD_LIMITS.problems) break;
    const text = files[path]!;
    if (text.length > LIMITS.file) {
      // The parser's own size rule and words, without parsing what cannot pass (a megabyte of bullets costs seconds).
      const message = `the file is ${text.length} characters; keep a question under about 5,000`;
      report(path, [{ line: 1, message }]);
      continue;
    }
    const parsed = guarded(() =>
      parseQuestionFile(text, pack?.id ?? 'upload', {
        // Uploads follow the documented format in full, whatever the bundled packs' transition allows.
        coachingRequired: true,
        ...(pack ? { topics: pack.topics } : {}),
      }),
    );
    if ('thrown' in parsed) {
      report(path, [parsed.thrown]);
      continue;
    }
    const result = parsed.read;
    const found = [...(result.ok ? [] : parserProblems(result.problems)), ...mentionProblems(text)];
    if (result.ok) {
      const q = result.question;
      const idLine = frontMatterLine(text, 'id');
      const numberLine = frontMatterLine(text, 'number');
      const idOwner = idOwners.get(q.id);
      const numberOwner = numberOwners.get(q.number);
      if (idOwner) {
        found.push({
          line: idLine,
          message: `id "${q.id}" is also used at ${elsewhere(idOwner, locate(path, idLine))}`,
        });
      } else if (context.reservedIds.has(q.id)) {
        found.push({
          line: idLine,
          message: `id "${q.id}" is already used by another pack; ids are unique across packs`,
        });
      }
      if (numberOwner) {
        found.push({
          line: numberLine,
          message: `number ${q.number} is also used at ${elsewhere(numberOwner, locate(path, numberLine))}`,
        });
      } else if (context.reservedNumbers.has(q.number)) {
        found.push({
          line: numberLine,
          message: `number ${q.number} is already used by another pack; numbers are unique across packs`,
        });
      }
      idOwners.set(q.id, idOwner ?? locate(path, idLine));
      numberOwners.set(q.number, numberOwner ?? locate(path, numberLine));
      questions.push(q);
    }
    report(path, found);
  }

  if (problems.length > 0 || !pack) return { ok: false, problems };
  return { ok: true, pack, questions, files };
}
