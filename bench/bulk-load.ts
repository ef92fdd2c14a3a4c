/**
 * Bulk loading the way a DBA would: drop a table's indexes (primary key
 * included), insert set-based, then build each index once, exactly as the
 * migrations defined it (the definitions are read back from the catalog).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../src/store/database.js';
import { queryRows } from './sql-rows.js';

/** Runs one statement in its own transaction with room to sort and hash in memory. */
export async function runBig(db: Database, statement: SQL): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '256MB'`);
    await tx.execute(sql`set local maintenance_work_mem = '512MB'`);
    await tx.execute(statement);
  });
}

export async function withoutIndexes(
  db: Database,
  tables: readonly string[],
  load: () => Promise<void>,
  log: (message: string) => void,
): Promise<void> {
  const names = sql.join(
    tables.map((t) => sql`${t}`),
    sql`, `,
  );
  const constraints = await queryRows<{ table: string; name: string; def: string }>(
    db,
    sql`select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as def
        from pg_constraint
        where connamespace = 'public'::regnamespace and contype in ('p', 'u')
          and conrelid::regclass::text in (${names})`,
  );
  const indexes = await queryRows<{ name: string; def: string }>(
    db,
    sql`select indexname as name, indexdef as def from pg_indexes
        where schemaname = 'public' and tablename in (${names})
          and indexname not in (select conname from pg_constraint where connamespace = 'public'::regnamespace)`,
  );
  for (const i of indexes) await db.execute(sql.raw(`drop index "${i.name}"`));
  for (const c of constraints)
    await db.execute(sql.raw(`alter table ${c.table} drop constraint "${c.name}"`));
  await load();
  const rebuild = async (name: string, statement: SQL) => {
    const t0 = performance.now();
    await runBig(db, statement);
    log(`index ${name} built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  for (const c of constraints) {
    await rebuild(c.name, sql.raw(`alter table ${c.table} add constraint "${c.name}" ${c.def}`));
  }
  for (const i of indexes) await rebuild(i.name, sql.raw(i.def));
}
