import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BOUNDARY_RULES } from './boundary-rules.js';
import { describeViolation, findBoundaryViolations, readSourceTree } from './import-boundaries.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));
const CORE = 'the platform-free core (core, rules, use cases, runtime)';
const ADAPTERS = 'the adapters (no database, no SQL)';

const violationsIn = (tree: ReadonlyMap<string, string>) =>
  findBoundaryViolations(tree, BOUNDARY_RULES).map(describeViolation);

describe('the architecture boundary (issue 13)', () => {
  it('finds every violation planted in the fixture tree, by file, line and import, and nothing else', () => {
    expect(violationsIn(readSourceTree(FIXTURES))).toEqual([
      `src/core/dynamic-sdk.ts:2 imports '@electric-sql/pglite', against ${CORE}`,
      `src/core/dynamic-sdk.ts:4 imports '@slack/bolt', against ${CORE}`,
      `src/rules/planted-chat-sdk.ts:2 imports 'discord.js', against ${CORE}`,
      `src/runtime/type-only-sdk.ts:2 imports 'discord.js', against ${CORE}`,
      `src/use-cases/reaches-store.ts:2 imports '../store/database.js', against ${CORE}`,
      `src/content/cron-helper.ts:1 imports 'node-cron' (reached from src/use-cases/through-helper.ts → src/content/cron-helper.ts), against ${CORE}`,
      `src/adapters/chat/uses-store.ts:2 imports '../../store/database.js', against ${ADAPTERS}`,
      `src/adapters/chat/writes-sql.ts:2 imports 'drizzle-orm', against ${ADAPTERS}`,
      `src/adapters/chat/writes-sql.ts:4 writes SQL "count(*)", against ${ADAPTERS}`,
      `src/adapters/chat/writes-sql.ts:5 writes SQL "select id from users where id = $1", against ${ADAPTERS}`,
      `src/adapters/chat/writes-sql.ts:6 writes SQL "update channels set paused = true", against ${ADAPTERS}`,
    ]);
  });

  it("catches an `import 'discord.js'` planted in the real rules folder", () => {
    const tree = new Map(readSourceTree(ROOT));
    tree.set('src/rules/planted.ts', "import 'discord.js';\nexport const planted = true;\n");
    expect(violationsIn(tree)).toContain(`src/rules/planted.ts:1 imports 'discord.js', against ${CORE}`);
  });

  it('holds in src/: the core imports no chat SDK, database or node-cron; adapters no database and no SQL', () => {
    expect(violationsIn(readSourceTree(ROOT))).toEqual([]);
  });

  it("biome's noRestrictedImports refuses the same planted import, so `npm run lint` fails too", () => {
    const dir = mkdtempSync(join(tmpdir(), 'boundary-lint-'));
    try {
      writeFileSync(join(dir, 'biome.json'), readFileSync(join(ROOT, 'biome.json')));
      mkdirSync(join(dir, 'src', 'rules'), { recursive: true });
      writeFileSync(join(dir, 'src', 'rules', 'planted.ts'), "import 'discord.js';\n");
      mkdirSync(join(dir, 'src', 'adapters'), { recursive: true });
      writeFileSync(join(dir, 'src', 'adapters', 'planted.ts'), "import '../store/database.js';\n");
      const biome = join(ROOT, 'node_modules', '@biomejs', 'biome', 'bin', 'biome');
      let output = '';
      try {
        execFileSync(process.execPath, [biome, 'lint', '--colors=off', 'src'], {
          cwd: dir,
          encoding: 'utf8',
          stdio: 'pipe',
        });
      } catch (error) {
        const { stdout, stderr } = error as { stdout: string; stderr: string };
        output = stdout + stderr;
      }
      expect(output, 'biome lint passed the planted imports').toMatch(
        /src\/rules\/planted\.ts:1:\d+ lint\/style\/noRestrictedImports/,
      );
      expect(output).toMatch(/src\/adapters\/planted\.ts:1:\d+ lint\/style\/noRestrictedImports/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
