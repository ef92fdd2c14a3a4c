/**
 * How the bot opens PGlite, shared by the worker thread that serves queries
 * and the process that creates a data dir.
 *
 * Plain JavaScript, like its users, which run without a TypeScript loader.
 */
import { PGlite } from '@electric-sql/pglite';

/**
 * 32 MB of buffers instead of Postgres's 128 MB: the bot's embedded database
 * holds a team's attempts and scores (years of a busy team fit), and PGlite
 * zeroes every buffer as it opens, which was a third of the bot's start-up
 * (0.97 s → 0.63 s to open here) and of its idle memory. Bigger deployments
 * run on Postgres (DATABASE_URL).
 */
const SHARED_BUFFERS = '32MB';

/** PGlite on `dataDir` ('memory://…' for none) with the bot's settings. */
export function openPglite(dataDir) {
  const options = { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`] };
  return dataDir.startsWith('memory://') ? new PGlite(options) : new PGlite(dataDir, options);
}
