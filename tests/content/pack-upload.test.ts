/**
 * Team packs as files (issue 14): a .zip of a pack folder or one .md file, checked by the same
 * parsers as content:check, all or nothing, every problem at its file and line, and the limits that
 * keep a hostile upload from costing more than its megabyte.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, type ZipOptions, type Zippable, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { discordInline } from '../../src/adapters/discord/render-markdown.js';
import { slackInline } from '../../src/adapters/slack/render-markdown.js';
import { examplesOf, runExamples } from '../../src/content/example-runner.js';
import { readContent } from '../../src/content/load-packs.js';
import { parseInline } from '../../src/content/markdown.js';
import { parsePackFile } from '../../src/content/pack-file.js';
import { inflateWithin } from '../../src/content/pack-upload/bounded-inflate.js';
import {
  exportPack,
  PACK_UPLOAD_LIMITS,
  type PackFiles,
  type PackUploadContext,
  type PackUploadResult,
  readPackUpload,
} from '../../src/content/pack-upload/index.js';
import { entryData, readZipDirectory } from '../../src/content/pack-upload/zip-directory.js';

const EXAMPLE_PATH = 'examples/team-pack.md';
const exampleBytes = new Uint8Array(readFileSync(EXAMPLE_PATH));
const exampleText = new TextDecoder().decode(exampleBytes);
const NOTHING_RESERVED: PackUploadContext = { reservedIds: new Set(), reservedNumbers: new Set() };
const MB = 1024 * 1024;

const upload = (name: string, bytes: Uint8Array, context = NOTHING_RESERVED) =>
  readPackUpload(name, bytes, context);
const uploadText = (name: string, text: string, context = NOTHING_RESERVED) =>
  upload(name, strToU8(text), context);

function accepted(result: PackUploadResult) {
  if (!result.ok)
    throw new Error(`expected the pack to be accepted:\n${JSON.stringify(result.problems, null, 2)}`);
  return result;
}

function refused(result: PackUploadResult) {
  if (result.ok) throw new Error('expected the upload to be refused');
  expect(result).not.toHaveProperty('pack');
  return result.problems;
}

/** The 1-based line of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string, from = 1): number {
  const index = text.split('\n').findIndex((line, i) => i + 1 >= from && line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" is not in the text`);
  return index + 1;
}

/** The example pack's folder, as the single file reads into. */
const exampleFiles = (): PackFiles => accepted(upload('team-pack.md', exampleBytes)).files;

type Entry = string | Uint8Array | [string | Uint8Array, ZipOptions];

/** A zip built with the same library the reader inflates with. */
function zipOf(entries: Record<string, Entry>, level: 0 | 9 = 9): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, entry] of Object.entries(entries)) {
    const [data, attrs] = Array.isArray(entry) ? entry : [entry, {}];
    zippable[name] = [typeof data === 'string' ? strToU8(data) : data, { level, ...attrs }];
  }
  return zipSync(zippable);
}

/** The example pack's files under `folder` (with its trailing slash, or '' for the zip's top). */
function exampleZipEntries(folder: string): Record<string, Entry> {
  const entries: Record<string, Entry> = {};
  for (const [name, text] of Object.entries(exampleFiles())) entries[`${folder}${name}`] = text;
  return entries;
}

/** Rewrites the uncompressed size an entry declares, in its local header and its directory record. */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const nameBytes = strToU8(name);
  const named = (at: number) => nameBytes.every((b, i) => out[at + i] === b);
  for (let at = 0; at + 46 < out.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50 && named(at + 30)) view.setUint32(at + 22, size, true);
    if (signature === 0x02014b50 && named(at + 46)) view.setUint32(at + 24, size, true);
  }
  return out;
}

const SYMLINK_MODE = 0o120777;

describe('the shipped example (examples/team-pack.md)', () => {
  it('imports cleanly: the pack, its three questions and the folder it stands for', () => {
    const result = accepted(upload('team-pack.md', exampleBytes));
    expect(result.pack).toMatchObject({ id: 'git-basics', name: 'Git basics', license: 'CC-BY-4.0' });
    expect(result.questions.map((q) => [q.id, q.number, q.pack])).toEqual([
      ['git-commit-snapshot', 1001, 'git-basics'],
      ['git-merge-vs-rebase', 1002, 'git-basics'],
      ['git-undo-pushed-commit', 1003, 'git-basics'],
    ]);
    expect(Object.keys(result.files)).toEqual([
      'pack.yml',
      '001-git-commit-snapshot.md',
      '002-git-merge-vs-rebase.md',
      '003-git-undo-pushed-commit.md',
    ]);
  });

  it('every code block in it runs or is shown, as the bundled packs are held to', async () => {
    const blocks = Object.entries(exampleFiles()).flatMap(([name, text]) =>
      name.endsWith('.md') ? examplesOf(name, text) : [],
    );
    const run = await runExamples(blocks);
    expect(run.failures).toEqual([]);
    expect(run.ran.python).toBe(1);
    expect(run.shown).toBe(2);
  });

  it('exports back to exactly its own bytes', () => {
    const { pack, files } = accepted(upload('team-pack.md', exampleBytes));
    const exported = exportPack(files, pack);
    expect(exported.fileName).toBe('git-basics.md');
    expect(new TextDecoder().decode(exported.bytes)).toBe(exampleText);
  });
});

describe('a .zip upload', () => {
  it('accepts a zip of the pack folder, ignoring what macOS adds, and returns the folder without it', () => {
    const zip = zipOf({
      ...exampleZipEntries('git-basics/'),
      'git-basics/': new Uint8Array(0),
      '__MACOSX/git-basics/._pack.yml': 'resource fork',
      'git-basics/.DS_Store': new Uint8Array([0, 0, 0, 1, 66, 117, 100, 49]),
    });
    const fromZip = accepted(upload('git-basics.zip', zip));
    const fromMarkdown = accepted(upload('team-pack.md', exampleBytes));
    expect(fromZip.pack).toEqual(fromMarkdown.pack);
    expect(fromZip.questions).toEqual(fromMarkdown.questions);
    expect(fromZip.files).toEqual(fromMarkdown.files);
  });

  it('accepts the files at the top of the zip, stored or deflated', () => {
    expect(accepted(upload('pack.zip', zipOf(exampleZipEntries('')))).questions).toHaveLength(3);
    expect(accepted(upload('pack.zip', zipOf(exampleZipEntries(''), 0))).questions).toHaveLength(3);
  });

  it('names the zip entry and the line of a broken question, and returns nothing', () => {
    const entries = exampleZipEntries('git-basics/');
    const name = 'git-basics/002-git-merge-vs-rebase.md';
    const text = (entries[name] as string).replace('difficulty: medium', 'difficulty: brutal');
    entries[name] = text;
    expect(refused(upload('git-basics.zip', zipOf(entries)))).toEqual([
      {
        file: name,
        line: lineOf(text, 'difficulty:'),
        message: expect.stringMatching(/^front matter difficulty: /),
      },
    ]);
  });

  it.each([
    ['../escape.md', 'climbs out of the pack folder ("..")'],
    ['git-basics/../../escape.md', 'climbs out of the pack folder ("..")'],
    ['/etc/escape.md', 'is an absolute path'],
    ['C:/escape.md', 'is an absolute path'],
    ['..\\escape.md', 'has a "\\" in its path; zip paths separate folders with "/"'],
    ['git-basics/extra/escape.md', expect.stringMatching(/^is in a nested folder/)],
  ])('refuses the entry %s, naming it', (name, message) => {
    const zip = zipOf({ ...exampleZipEntries('git-basics/'), [name]: 'text' });
    expect(refused(upload('git-basics.zip', zip))).toEqual([{ file: name, message }]);
  });

  it('refuses a symbolic link, whatever it points at', () => {
    const zip = zipOf({
      ...exampleZipEntries('git-basics/'),
      'git-basics/004-link.md': ['/etc/passwd', { os: 3, attrs: SYMLINK_MODE << 16 }],
    });
    expect(refused(upload('git-basics.zip', zip))).toEqual([
      { file: 'git-basics/004-link.md', message: 'is a symbolic link; a pack holds plain files only' },
    ]);
  });

  it('accepts ordinary Unix file modes', () => {
    const entries = exampleZipEntries('');
    const withModes = Object.fromEntries(
      Object.entries(entries).map(([name, text]): [string, Entry] => [
        name,
        [text as string, { os: 3, attrs: 0o100644 << 16 }],
      ]),
    );
    expect(accepted(upload('pack.zip', zipOf(withModes))).questions).toHaveLength(3);
  });

  it('refuses files that are not part of a pack, and files in two folders', () => {
    const zip = zipOf({
      ...exampleZipEntries('git-basics/'),
      'git-basics/notes.txt': 'to do',
      'git-basics/Pack.yml': 'name: x',
      'other/004-stray.md': '---\nid: stray\n---\n',
    });
    expect(refused(upload('git-basics.zip', zip))).toEqual([
      {
        file: 'git-basics/notes.txt',
        message: 'is not part of a pack: a pack zip holds pack.yml and question files (*.md) only',
      },
      {
        file: 'git-basics/Pack.yml',
        message: 'is not part of a pack: a pack zip holds pack.yml and question files (*.md) only',
      },
      {
        file: 'git-basics.zip',
        message: expect.stringMatching(/^the pack files are in more than one folder/),
      },
    ]);
  });

  it('refuses an entry that inflates past the size its header declares (a lying header)', () => {
    const name = 'git-basics/004-bomb.md';
    // 20 MB of one letter deflates to about 20 KB; the entry claims to be 1,000 bytes.
    const honest = zipOf({ ...exampleZipEntries('git-basics/'), [name]: new Uint8Array(20 * MB).fill(97) });
    const lying = declareSize(honest, name, 1_000);
    expect(lying.length).toBeLessThan(100 * 1024);
    expect(refused(upload('git-basics.zip', lying))).toEqual([
      {
        file: name,
        message: 'inflates to more than the 1000 bytes it declares: refused (a zip bomb or a damaged zip)',
      },
    ]);
  });

  it('refuses an entry that inflates to less than it declares', () => {
    const name = 'git-basics/pack.yml';
    const entries = exampleZipEntries('git-basics/');
    const size = strToU8(entries[name] as string).length;
    const zip = declareSize(zipOf(entries), name, size + 10);
    expect(refused(upload('git-basics.zip', zip))).toEqual([
      { file: name, message: `is damaged: it inflates to ${size} bytes, not the ${size + 10} it declares` },
    ]);
  });

  it('refuses, before inflating, one entry bigger than a file may be', () => {
    const zip = zipOf({ ...exampleZipEntries(''), '004-huge.md': new Uint8Array(2 * MB).fill(32) });
    expect(zip.length).toBeLessThan(PACK_UPLOAD_LIMITS.uploadBytes);
    expect(refused(upload('pack.zip', zip))).toEqual([
      { file: '004-huge.md', message: 'inflates to 2 MB; one file may be at most 1 MB' },
    ]);
  });

  it('refuses high-ratio entries that together inflate past the total bound', () => {
    const entries = exampleZipEntries('');
    for (let i = 0; i < 6; i++) entries[`10${i}-filler.md`] = new Uint8Array(0.95 * MB).fill(32);
    const zip = zipOf(entries);
    expect(zip.length).toBeLessThan(64 * 1024);
    expect(refused(upload('pack.zip', zip))).toEqual([
      { file: 'pack.zip', message: 'the pack files inflate to 5.7 MB; a pack may inflate to at most 5 MB' },
    ]);
  });

  it('inflates a stream only up to its limit, however far it would go', () => {
    const bomb = zipSync({ bomb: [new Uint8Array(20 * MB), { level: 9 }] });
    const directory = readZipDirectory(bomb, 10);
    if (!directory.ok) throw new Error(directory.message);
    const stream = entryData(bomb, directory.entries[0]!)!;
    expect(stream.length).toBeLessThan(32 * 1024);
    expect(inflateWithin(stream, 1_000)).toEqual({ ok: false, reason: 'over-limit' });
    expect(inflateWithin(stream, 20 * MB)).toMatchObject({ ok: true, bytes: { length: 20 * MB } });
    expect(inflateWithin(stream.subarray(0, stream.length / 2), 20 * MB)).toEqual({
      ok: false,
      reason: 'damaged',
    });
  });

  it('refuses a file that is not a zip at all', () => {
    expect(refused(upload('pack.zip', strToU8('just text')))).toEqual([
      { file: 'pack.zip', message: 'this is not a zip file (no zip directory at its end)' },
    ]);
  });
});

describe('a single .md upload', () => {
  it('maps a broken question to its line in the single file, and returns nothing', () => {
    const text = exampleText
      .replace('difficulty: medium', 'difficulty: brutal')
      .replace('## Key points\n\n- A merge adds', '## Key points\n\n- A <b>merge</b> adds');
    const second = lineOf(text, 'id: git-merge-vs-rebase');
    expect(refused(uploadText('team-pack.md', text))).toEqual([
      {
        file: 'team-pack.md',
        line: lineOf(text, 'difficulty: brutal'),
        message: expect.stringMatching(/^front matter difficulty: /),
      },
      {
        file: 'team-pack.md',
        line: lineOf(text, '- A <b>merge</b> adds', second),
        message: 'raw HTML "<b>"; write Markdown, or put code in backticks',
      },
    ]);
  });

  it('points a problem about a question as a whole at the line the question starts on', () => {
    const text = exampleText.replace(/## Answer\n\n\*\*Merge\.\*\*/, '## Answers\n\n**Merge.**');
    const problems = refused(uploadText('team-pack.md', text));
    expect(problems).toContainEqual({
      file: 'team-pack.md',
      line: lineOf(text, 'id: git-merge-vs-rebase') - 1,
      message: 'missing "## Answer" section',
    });
    expect(problems).toContainEqual({
      file: 'team-pack.md',
      line: lineOf(text, '## Answers'),
      message: expect.stringMatching(/^unknown section "## Answers"/),
    });
  });

  it('maps pack.yml problems to their lines, and a missing key to the first line', () => {
    const text = exampleText
      .replace('version: 1.0.0\n', '')
      .replace('license: CC-BY-4.0', 'license: cc-by-4.0');
    expect(refused(uploadText('team-pack.md', text))).toEqual([
      { file: 'team-pack.md', line: 1, message: 'missing "version"' },
      {
        file: 'team-pack.md',
        line: lineOf(text, 'license:'),
        message: 'license "cc-by-4.0": SPDX ids are written "CC-BY-4.0"',
      },
    ]);
  });

  it('needs the pack to name its id', () => {
    const text = exampleText.replace(/\nid: git-basics.*\n/, '\n');
    expect(refused(uploadText('team-pack.md', text))).toEqual([
      {
        file: 'team-pack.md',
        line: 1,
        message: 'missing "id" (an uploaded pack names its id: a lowercase slug)',
      },
    ]);
  });

  it('says how the format starts when the file does not start with pack.yml', () => {
    expect(refused(uploadText('pack.md', '# My pack\n\nSome questions.\n'))).toEqual([
      {
        file: 'pack.md',
        line: 1,
        message:
          'a pack file starts with pack.yml\'s keys between two "---" lines (see docs/pack-file-format.md)',
      },
    ]);
  });

  it('refuses text between pack.yml and the first question, and a question whose id is not its first key', () => {
    const text = exampleText
      .replace('---\n\n---\nid: git-commit-snapshot', '---\n\n# Git basics\n\n---\nid: git-commit-snapshot')
      .replace(
        '---\nid: git-merge-vs-rebase\nnumber: 1002\n',
        '---\nnumber: 1002\nid: git-merge-vs-rebase\n',
      );
    expect(refused(uploadText('team-pack.md', text))).toEqual([
      {
        file: 'team-pack.md',
        line: lineOf(text, '# Git basics'),
        message:
          'text between pack.yml and the first question: each question starts with a "---" line followed by its "id:" line',
      },
      {
        file: 'team-pack.md',
        line: lineOf(text, 'number: 1002'),
        message: 'a question\'s front matter starts with its "id:" line; this one starts with "number:"',
      },
    ]);
  });

  it('reads a "---" and "id:" inside a code block as code, not as a new question', () => {
    const yamlExample = '```yaml\n---\nid: not-a-question\n```';
    const text = exampleText.replace(/```text\nBefore:/, `${yamlExample}\n\n\`\`\`text\nBefore:`);
    expect(accepted(uploadText('team-pack.md', text)).questions).toHaveLength(3);
  });

  it('refuses a file that is not UTF-8 text', () => {
    expect(refused(upload('pack.md', new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe])))).toEqual([
      { file: 'pack.md', message: 'is not UTF-8 text' },
    ]);
  });
});

describe('exporting a pack', () => {
  it('round-trips a zip upload through the single file to the same pack and questions', () => {
    const fromZip = accepted(upload('git-basics.zip', zipOf(exampleZipEntries('git-basics/'))));
    const exported = exportPack(fromZip.files, fromZip.pack);
    expect(exported.fileName).toBe('git-basics.md');
    const again = accepted(upload(exported.fileName, exported.bytes));
    expect(again.pack).toEqual(fromZip.pack);
    expect(again.questions).toEqual(fromZip.questions);
  });

  it('adds the id a bundled pack leaves to its folder name, so the export imports back', () => {
    const dir = 'tests/content/fixtures/valid-pack';
    const bundled = readContent(dir);
    expect(bundled.problems).toEqual([]);
    const files = Object.fromEntries(
      readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]),
    );
    const exported = exportPack(files, bundled.packs[0]!);
    expect(new TextDecoder().decode(exported.bytes)).toMatch(/^---\nid: valid-pack\nname: Fixture pack\n/);
    const again = accepted(upload(exported.fileName, exported.bytes));
    expect(again.pack).toEqual(bundled.packs[0]);
    expect(again.questions).toEqual(bundled.questions);
  });

  it('gives a zip when a question holds a line the single file would read as a new question', () => {
    const files = { ...exampleFiles() };
    const name = '002-git-merge-vs-rebase.md';
    // A thematic break followed by a line starting "id:" (outside code) is a question start in one file.
    files[name] = files[name]!.replace(
      '## Key points',
      'Setext heading\n---\nid: looks like front matter\n\n## Key points',
    );
    const { pack } = accepted(upload('team-pack.md', exampleBytes));
    const exported = exportPack(files, pack);
    expect(exported.fileName).toBe('git-basics.zip');
    const again = accepted(upload(exported.fileName, exported.bytes));
    expect(again.files[name]).toBe(files[name]);
  });
});

describe('the limits', () => {
  it('refuses an upload over 1 MB before reading it', () => {
    const big = new Uint8Array(PACK_UPLOAD_LIMITS.uploadBytes + 1);
    expect(refused(upload('pack.zip', big))).toEqual([
      { file: 'pack.zip', message: 'the file is 1 MB; a pack upload may be at most 1 MB' },
    ]);
    const text = `${exampleText}\n${'x'.repeat(2 * MB)}\n`;
    expect(refused(uploadText('pack.md', text))).toEqual([
      { file: 'pack.md', message: 'the file is 2 MB; a pack upload may be at most 1 MB' },
    ]);
  });

  it('refuses more than 500 questions', () => {
    const entries = exampleZipEntries('');
    for (let i = 0; i < 498; i++) entries[`${String(i + 100).padStart(4, '0')}-q.md`] = '---\nid: q\n---\n';
    expect(refused(upload('pack.zip', zipOf(entries)))).toEqual([
      { file: 'pack.zip', message: 'the pack has 501 questions; a pack may hold at most 500' },
    ]);
  });

  it('refuses an oversized question on its size alone, without parsing it', () => {
    const entries = exampleZipEntries('');
    const long = `---\nid: long\n---\n\n## Key points\n\n${'- a\n'.repeat(250_000)}`;
    entries['004-long.md'] = long;
    expect(refused(upload('pack.zip', zipOf(entries)))).toEqual([
      {
        file: '004-long.md',
        line: 1,
        message: `the file is ${long.length} characters; keep a question under about 5,000`,
      },
    ]);
  });

  it('stops listing at 100 problems', () => {
    const entries = exampleZipEntries('');
    for (let i = 0; i < 60; i++) entries[`${100 + i}-broken.md`] = '## Answer\n\nno front matter\n';
    for (let i = 0; i < 60; i++) entries[`${200 + i}-broken.md`] = '---\nid: b\n---\n\n## Answer\n';
    const problems = refused(upload('pack.zip', zipOf(entries)));
    expect(problems).toHaveLength(101);
    expect(problems[100]).toEqual({
      file: 'pack.zip',
      message: 'stopped after 100 problems: fix these and send the pack again',
    });
    const litter = exampleZipEntries('');
    for (let i = 0; i < 150; i++) litter[`notes-${i}.txt`] = 'to do';
    expect(refused(upload('pack.zip', zipOf(litter)))).toHaveLength(101);
  });

  it('reports YAML the parser throws on (an alias bomb) as a problem, never an exception', () => {
    const aliases = Array.from(
      { length: 12 },
      (_, i) =>
        `b${i}: &b${i} [${Array(9)
          .fill(i ? `*b${i - 1}` : '*a')
          .join(', ')}]`,
    );
    const packYml = `id: bomb\na: &a [x, x, x, x, x, x, x, x, x]\n${aliases.join('\n')}\n`;
    const entries = { ...exampleZipEntries(''), 'pack.yml': packYml };
    expect(refused(upload('pack.zip', zipOf(entries)))[0]).toEqual({
      file: 'pack.yml',
      line: 1,
      message: 'could not be read: Excessive alias count indicates a resource exhaustion attack',
    });
  });

  it('refuses a file that is neither .zip nor .md', () => {
    expect(refused(upload('pack.txt', exampleBytes))).toEqual([
      {
        file: 'pack.txt',
        message: expect.stringMatching(/^a pack comes as a \.zip of its folder .* or as one \.md file/),
      },
    ]);
  });
});

describe('ids and numbers', () => {
  it('refuses ids, numbers and a pack id another pack already has, at their lines', () => {
    const context: PackUploadContext = {
      reservedIds: new Set(['git-merge-vs-rebase']),
      reservedNumbers: new Set([1003]),
      reservedPackIds: new Set(['git-basics']),
    };
    expect(refused(upload('team-pack.md', exampleBytes, context))).toEqual([
      {
        file: 'team-pack.md',
        line: lineOf(exampleText, 'id: git-basics'),
        message: 'id "git-basics" is already another pack\'s id; choose another',
      },
      {
        file: 'team-pack.md',
        line: lineOf(exampleText, 'id: git-merge-vs-rebase'),
        message: 'id "git-merge-vs-rebase" is already used by another pack; ids are unique across packs',
      },
      {
        file: 'team-pack.md',
        line: lineOf(exampleText, 'number: 1003'),
        message: 'number 1003 is already used by another pack; numbers are unique across packs',
      },
    ]);
  });

  it('refuses an id or number used twice in the upload, naming where it was first', () => {
    const text = exampleText.replace('id: git-undo-pushed-commit', 'id: git-commit-snapshot');
    expect(refused(uploadText('team-pack.md', text))).toEqual([
      {
        file: 'team-pack.md',
        line: lineOf(text, 'id: git-commit-snapshot', lineOf(text, 'number: 1002')),
        message: `id "git-commit-snapshot" is also used at line ${lineOf(text, 'id: git-commit-snapshot')}`,
      },
    ]);
    const entries = exampleZipEntries('git-basics/');
    const name = 'git-basics/003-git-undo-pushed-commit.md';
    entries[name] = (entries[name] as string).replace('number: 1003', 'number: 1001');
    expect(refused(upload('git-basics.zip', zipOf(entries)))).toEqual([
      { file: name, line: 3, message: 'number 1001 is also used at git-basics/001-git-commit-snapshot.md' },
    ]);
  });
});

describe('mentions', () => {
  it('refuses every kind of mention outside code, at its line', () => {
    const text = exampleText
      .replace('description: Three questions', 'description: Ping @here with three questions')
      .replace('As a snapshot.', 'As a snapshot, @everyone.')
      .replace('- Blobs hold file content', '- Ask <@123456789012345678> about blobs holding file content')
      .replace('A merge keeps both histories', 'Tell <!channel> a merge keeps both histories')
      .replace('- Thinking `git revert` deletes', '- Telling <@&987654321> that `git revert` deletes');
    const problems = refused(uploadText('team-pack.md', text));
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [lineOf(text, 'Ping @here'), expect.stringMatching(/^mention `@here`: a pack may not mention anyone/)],
      [lineOf(text, '@everyone.'), expect.stringMatching(/^mention `@everyone`/)],
      [lineOf(text, '<@123456789012345678>'), expect.stringMatching(/^mention `<@123456789012345678>`/)],
      [lineOf(text, '<!channel>'), expect.stringMatching(/^mention `<!channel>`/)],
      [lineOf(text, '<@&987654321>'), expect.stringMatching(/^mention `<@&987654321>`/)],
    ]);
  });

  it('accepts mentions written as code, and an e-mail address, which no platform draws live', () => {
    const text = exampleText
      .replace('As a snapshot.', 'As a snapshot (`@everyone` and `<!channel>` are code here).')
      .replace('Branches and tags are names', 'Mail git@example.com. Branches and tags are names');
    accepted(uploadText('team-pack.md', text));
    // Both renderers keep a code span a code span: Slack with its angle brackets escaped, so it
    // is never markup, Discord as code, where it draws no mention.
    expect(slackInline(parseInline('`<!channel>`'))).toBe('`&lt;!channel&gt;`');
    expect(discordInline(parseInline('`<@123> @everyone`'))).toBe('`<@123> @everyone`');
  });
});

describe('pack.yml id (src/content/pack-file.ts)', () => {
  const yml = 'name: N\ndescription: D\nversion: 1.0.0\nlicense: MIT\nsource: original\ntopics: [a]\n';

  it("a bundled pack's id is its folder name; an id: line must repeat it", () => {
    expect(parsePackFile(yml, 'sql').pack?.id).toBe('sql');
    expect(parsePackFile(`${yml}id: sql\n`, 'sql').pack?.id).toBe('sql');
    expect(parsePackFile(`${yml}id: other\n`, 'sql').problems).toEqual([
      'line 7: id "other" differs from the folder name "sql", which is this pack\'s id',
    ]);
  });

  it("an uploaded pack's id is its id: line", () => {
    expect(parsePackFile(`id: team-sql\n${yml}`, null).pack?.id).toBe('team-sql');
    expect(parsePackFile(`id: Team SQL\n${yml}`, null).problems).toEqual([
      'line 1: id: id must be a lowercase slug (a-z, 0-9, -)',
    ]);
  });
});
