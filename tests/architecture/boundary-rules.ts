import type { BoundaryRule } from './import-boundaries.js';

const CHAT_SDKS = ['discord.js', '@discordjs/*', '@slack/*'];
const DATABASE = ['drizzle-orm', 'postgres', '@electric-sql/*'];

/**
 * The architecture's boundary (docs: "Adapters hold no rules and no SQL; the
 * core holds no platform types"). biome.json states the direct-import half of
 * it too, so `npm run lint` fails in the editor; this is the full statement,
 * transitive imports and SQL text included.
 */
export const BOUNDARY_RULES: readonly BoundaryRule[] = [
  {
    name: 'the platform-free core (core, rules, use cases, runtime)',
    folders: ['src/core', 'src/rules', 'src/use-cases', 'src/runtime'],
    forbiddenPackages: [...CHAT_SDKS, ...DATABASE, 'node-cron'],
    forbiddenFolders: ['src/store', 'src/adapters', 'src/scheduler'],
    transitive: true,
    forbidSql: false,
  },
  {
    name: 'the adapters (no database, no SQL)',
    folders: ['src/adapters'],
    forbiddenPackages: DATABASE,
    forbiddenFolders: ['src/store'],
    transitive: true,
    forbidSql: true,
  },
];
