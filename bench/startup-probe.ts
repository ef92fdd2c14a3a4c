/**
 * Run as its own process (node --import tsx bench/startup-probe.ts <dataDir>)
 * on a data dir the app has initialised: the app's start-up steps one at a
 * time, so a slow "ready" can be explained. Prints one JSON line.
 */
import { readFileSync } from 'node:fs';

/** From process start to this module running: node, the tsx loader, this file. */
const bootMs = performance.now();
let last = bootMs;
const lap = () => {
  const now = performance.now();
  const ms = now - last;
  last = now;
  return ms;
};

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: startup-probe.ts <dataDir>');

// The modules src/main.ts imports, in its order, each timed (a shared dependency counts for the first).
const mainUrl = new URL('../src/main.ts', import.meta.url);
const specifiers = [
  ...readFileSync(mainUrl, 'utf8').matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)';/gm),
]
  .map((m) => m[1]!)
  .filter((s) => !s.startsWith('node:'));
const imports: { module: string; ms: number }[] = [];
for (const specifier of specifiers) {
  const url = specifier.startsWith('.')
    ? new URL(specifier.replace(/\.js$/, '.ts'), mainUrl).href
    : specifier;
  await import(url);
  imports.push({ module: specifier, ms: lap() });
}
const importMs = imports.reduce((sum, i) => sum + i.ms, 0);

// Already loaded above; these only bind names.
const { loadQuestionBank } = await import('../src/content/load-packs.js');
const { consoleActor } = await import('../src/adapters/console/console-actor.js');
const { ClickThrottle } = await import('../src/runtime/click-throttle.js');
const { DrillEngine } = await import('../src/runtime/engine.js');
const { TeamBankCache } = await import('../src/runtime/team-bank-cache.js');
const { MIGRATIONS_FOLDER } = await import('../src/store/connection.js');
const { createStore } = await import('../src/store/store.js');
const { PgliteThread } = await import('../src/store/drivers/pglite-thread.js');
const { drizzle } = await import('drizzle-orm/pglite');
const { migrate } = await import('drizzle-orm/pglite/migrator');
const schema = await import('../src/store/schema.js');
const driverImportMs = lap();

const bank = loadQuestionBank('content');
const bankMs = lap();

// As the app opens it: PGlite on its own thread (its settings), open once the first query is answered.
const thread = PgliteThread.open(dataDir);
await thread.query('select 1');
const pgliteOpenMs = lap();

const db = drizzle({ client: thread.asClient(), schema });
await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
const migrateMs = lap();

// The console's first command, as main.ts sends it: /drill today for the local user.
const store = createStore(db as unknown as Parameters<typeof createStore>[0]);
const engine = new DrillEngine(
  {
    store,
    banks: new TeamBankCache({ bundled: bank, packs: store.teamPacks }),
    clock: () => new Date(),
    random: Math.random,
    defaultTimeZone: 'UTC',
  },
  { throttle: ClickThrottle.unlimited() },
);
const actor = consoleActor();
const view = await engine.run(actor, 'today');
if (view.kind !== 'question') throw new Error(`today answered ${view.kind}`);
const firstCommandMs = lap();
await engine.run(actor, 'today');
const secondCommandMs = lap();
await thread.close();

process.stdout.write(
  `${JSON.stringify({
    bootMs,
    importMs,
    imports,
    driverImportMs,
    bankMs,
    pgliteOpenMs,
    migrateMs,
    firstCommandMs,
    secondCommandMs,
  })}\n`,
);
