/** A single-file .md upload into a pack folder; every line of it maps back to the line it came from. */
import { splitPackMarkdown } from './pack-markdown-split.js';
import { decodeUploadText } from './upload-text.js';
import type { PackSourceResult, UploadPlace } from './upload-types.js';

/** A question's file name in the folder: its place in the single file, so the order survives an export. */
const questionFileName = (index: number, id: string | null) =>
  `${String(index + 1).padStart(3, '0')}-${id ?? 'question'}.md`;

export function readPackMarkdown(uploadName: string, bytes: Uint8Array): PackSourceResult {
  const text = decodeUploadText(bytes);
  if (text === null) return { ok: false, problems: [{ file: uploadName, message: 'is not UTF-8 text' }] };
  const split = splitPackMarkdown(text);
  if (!split.ok) {
    return { ok: false, problems: split.problems.map((p) => ({ file: uploadName, ...p })) };
  }
  const files: Record<string, string> = { 'pack.yml': split.pack.packYml };
  const firstLines = new Map<string, number>([['pack.yml', 2]]);
  split.pack.questions.forEach((q, i) => {
    const name = questionFileName(i, q.id);
    files[name] = q.text;
    firstLines.set(name, q.firstLine);
  });
  return {
    ok: true,
    source: {
      files: Object.freeze(files),
      // A problem about a file as a whole points at its first line: pack.yml's opening "---" is line 1.
      locate: (path, line): UploadPlace => {
        const first = firstLines.get(path) ?? 1;
        if (line === null) return { file: uploadName, line: path === 'pack.yml' ? 1 : first };
        return { file: uploadName, line: first + line - 1 };
      },
    },
  };
}
