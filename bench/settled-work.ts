/**
 * Waiting for the bot's work to settle. The engine answers "too slow" after
 * its deadline but lets the work finish (its writes are idempotent), so a run
 * waits for that work before it reports what was saved, and before the next
 * phase or benchmark shares the database and its connection pool.
 */
import { sql } from 'drizzle-orm';
import type { Platform } from '../src/core/types.js';
import type { Database } from '../src/store/database.js';
import { queryRows } from './sql-rows.js';

const POLL_MS = 250;
/** No new grade for this long: the work still running, if any, is not grading. */
const QUIET_MS = 2000;

async function gradedCount(db: Database, platform: Platform, teamId: string): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(
    db,
    sql`select count(*) as n from attempts
        where platform = ${platform} and team_id = ${teamId} and grade is not null`,
  );
  return Number(row?.n ?? 0);
}

/** Graded attempts of the team: once there are `expected`, or when the count stops moving, or at the timeout. */
export async function settledGrades(
  db: Database,
  platform: Platform,
  teamId: string,
  expected: number,
  timeoutMs: number,
): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  let count = await gradedCount(db, platform, teamId);
  let changedAt = performance.now();
  while (count < expected && performance.now() < deadline && performance.now() - changedAt < QUIET_MS) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const now = await gradedCount(db, platform, teamId);
    if (now !== count) changedAt = performance.now();
    count = now;
  }
  return count;
}

/** A probe query this fast, this many times in a row: nothing is queued ahead of it on the pool. */
const IDLE_PROBE_MS = 20;
const IDLE_PROBES = 3;

/** Resolves once the database answers a trivial query at once again, or at the timeout; false then. */
export async function idleDatabase(db: Database, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  let fast = 0;
  while (performance.now() < deadline) {
    const t0 = performance.now();
    await queryRows(db, sql`select 1`);
    fast = performance.now() - t0 < IDLE_PROBE_MS ? fast + 1 : 0;
    if (fast >= IDLE_PROBES) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
