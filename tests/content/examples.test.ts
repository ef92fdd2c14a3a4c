/**
 * Every fenced block of every question file of every pack under content/ runs, as
 * docs/question-format.md's table says. One test per pack; a failure names the file,
 * the block's line and the tail of its stderr.
 */
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXAMPLE_CONCURRENCY,
  EXAMPLE_TIMEOUT_MS,
  type ExampleBlock,
  examplesOfPack,
  formatFailure,
  runExamples,
  SqlSandbox,
} from '../../src/content/example-runner.js';
import { packFolders } from '../../src/content/load-packs.js';

const FIXTURES = 'tests/content/fixtures';

/** The worst case: every block of the pack hits the time limit, two at a time, plus a PGlite restart. */
const budget = (blocks: readonly ExampleBlock[]) =>
  Math.ceil(blocks.length / EXAMPLE_CONCURRENCY) * EXAMPLE_TIMEOUT_MS + 120_000;

let sql: SqlSandbox;
beforeAll(async () => {
  sql = await SqlSandbox.start();
});
afterAll(async () => {
  await sql?.close();
});

describe('the example runner on fixture packs', () => {
  it('runs a valid pack: python, pytest, ESM, CommonJS, ts, sql and raises= blocks all pass', async () => {
    const blocks = examplesOfPack(join(FIXTURES, 'valid-pack'));
    const run = await runExamples(blocks, { sql });
    expect(run.failures.map(formatFailure)).toEqual([]);
    expect(run.ran).toEqual({ python: 3, pytest: 1, esm: 3, cjs: 1, ts: 2, sql: 3 });
    expect(run.shown).toBe(1);
  }, 120_000);

  it('reports every way a block can fail, naming the file and the line of the block', async () => {
    const all = examplesOfPack(join(FIXTURES, 'broken-examples'));
    const caseOf = (b: ExampleBlock) => /case: ([a-z-]+)/.exec(b.code)?.[1] ?? '?';
    // The two endless blocks get a short limit; the rest the real one.
    const endless = all.filter((b) => caseOf(b).endsWith('timeout'));
    const rest = all.filter((b) => !endless.includes(b));
    const quick = await runExamples(rest, { sql });
    const slow = await runExamples(endless, { sql, timeoutMs: 1500 });
    const byCase = new Map(
      [...quick.failures, ...slow.failures].map((f) => [caseOf(all.find((b) => b.line === f.line)!), f]),
    );
    const expected: Record<string, RegExp> = {
      'python-assert': /^failed: raised AssertionError$/,
      'python-wrong-raise': /^expected KeyError, but it raised ValueError$/,
      'python-no-raise': /^expected KeyError, but the block finished without an error$/,
      'pytest-fails': /^pytest failed \(exit 1\)$/,
      'js-throws': /^failed: raised TypeError$/,
      'cjs-wrong-raise': /^expected TypeError, but it raised RangeError$/,
      'ts-no-raise': /^expected Error, but the block finished without an error$/,
      'sql-missing-table': /^failed: SQLSTATE 42P01: relation "no_such_table" does not exist$/,
      'sql-wrong-code': /^expected SQLSTATE 23505, but got SQLSTATE 22012: division by zero$/,
      'fence-pytest-raises': /^runner=pytest and raises= do not go together/,
      'fence-unknown-attribute': /^unknown attribute "modul=commonjs" on ```js/,
      'fence-unknown-language': /^unknown code language "pyton"/,
      'js-timeout': /^timed out after 1\.5 s$/,
      'sql-timeout': /^timed out after 1\.5 s$/,
    };
    expect([...byCase.keys()].sort()).toEqual(Object.keys(expected).sort());
    for (const [name, pattern] of Object.entries(expected)) {
      const failure = byCase.get(name)!;
      expect(failure.message, name).toMatch(pattern);
      expect(failure.file).toBe(join(FIXTURES, 'broken-examples', '951-failing-blocks.md'));
    }
    // The stderr tail: Python's traceback, pytest's report, Node's stack.
    expect(byCase.get('python-assert')!.output).toMatch(/AssertionError: arithmetic$/);
    expect(byCase.get('pytest-fails')!.output).toMatch(/assert 1 == 2/);
    expect(byCase.get('js-throws')!.output).toMatch(/^TypeError: Cannot read properties of undefined/);
    expect(formatFailure(byCase.get('python-assert')!)).toMatch(
      /^tests\/content\/fixtures\/broken-examples\/951-failing-blocks\.md:\d+: failed: raised AssertionError\n {4}Traceback/,
    );
    // After the endless sql block, the sandbox has a fresh PGlite for the next one.
    expect(await sql.run('select 1;', null)).toBeNull();
  }, 240_000);
});

describe.each(packFolders('content').map((dir) => basename(dir)))(
  'the code examples of the %s pack',
  (pack) => {
    const blocks = examplesOfPack(join('content', pack));
    it(
      `run as docs/question-format.md says (${blocks.length} blocks)`,
      async () => {
        const run = await runExamples(blocks, { sql });
        expect(run.failures.map(formatFailure)).toEqual([]);
      },
      budget(blocks),
    );
  },
);
