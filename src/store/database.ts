import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema.js';

/** A drizzle database or transaction on either driver; repositories take one in their constructor. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
