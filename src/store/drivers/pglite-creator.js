/**
 * Run as a process of its own by pglite-data-dir.ts:
 *   node pglite-creator.js <dataDir> <migrationsFolder>
 * PGlite finds no database in <dataDir> and runs initdb; the migrations
 * follow; closing writes it all out, and the process exits, taking the
 * memory initdb grew with it.
 *
 * Plain JavaScript, so it starts without a TypeScript loader.
 */
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { openPglite } from './pglite-settings.js';

const [dataDir, migrationsFolder] = process.argv.slice(2);
if (!dataDir || !migrationsFolder) {
  process.stderr.write('usage: node pglite-creator.js <dataDir> <migrationsFolder>\n');
  process.exit(2);
}
const pg = openPglite(dataDir);
try {
  await migrate(drizzle({ client: pg }), { migrationsFolder });
} finally {
  await pg.close();
}
