/**
 * A pack given back as a file a team can edit and upload again (`/drill pack export`): the
 * single-file Markdown form, or a zip of the folder when that form would not read back the same
 * (over the upload limit, or a question holding a line the single file would take for a new question).
 */
import { strToU8, zipSync } from 'fflate';
import { parseDocument } from 'yaml';
import type { Pack } from '../../core/types.js';
import { splitPackMarkdown } from './pack-markdown-split.js';
import { PACK_UPLOAD_LIMITS } from './upload-limits.js';
import type { PackFiles } from './upload-types.js';

const tidy = (text: string) => `${text.trimEnd()}\n`;

/** pack.yml naming the pack's id, which an upload must carry (a bundled pack's pack.yml has none). */
const withId = (packYml: string, id: string) =>
  parseDocument(packYml).has('id') ? packYml : `id: ${id}\n${packYml}`;

/** pack.yml between `---` lines, then each question file, a blank line before each. */
const joinPackMarkdown = (packYml: string, questions: readonly string[]) =>
  `---\n${packYml.trimEnd()}\n---\n${questions.map((q) => `\n${tidy(q)}`).join('')}`;

/** Whether the single file splits back into exactly these pack.yml and question texts. */
function readsBack(markdown: string, packYml: string, questions: readonly string[]): boolean {
  const split = splitPackMarkdown(markdown);
  return (
    split.ok &&
    tidy(split.pack.packYml) === tidy(packYml) &&
    split.pack.questions.length === questions.length &&
    split.pack.questions.every((q, i) => q.text === tidy(questions[i]!))
  );
}

export function exportPack(files: PackFiles, pack: Pack): { fileName: string; bytes: Uint8Array } {
  const packText = files['pack.yml'];
  if (packText === undefined) throw new Error(`exportPack: pack ${pack.id} has no pack.yml`);
  const packYml = withId(packText, pack.id);
  const names = Object.keys(files)
    .filter((name) => name !== 'pack.yml' && name.endsWith('.md'))
    .sort();
  const questions = names.map((name) => files[name]!);

  const markdown = joinPackMarkdown(packYml, questions);
  const bytes = strToU8(markdown);
  if (bytes.length <= PACK_UPLOAD_LIMITS.uploadBytes && readsBack(markdown, packYml, questions)) {
    return { fileName: `${pack.id}.md`, bytes };
  }
  const folder: Record<string, Uint8Array> = { 'pack.yml': strToU8(tidy(packYml)) };
  names.forEach((name, i) => {
    folder[name] = strToU8(tidy(questions[i]!));
  });
  return { fileName: `${pack.id}.zip`, bytes: zipSync({ [pack.id]: folder }, { level: 9 }) };
}
