import { sql } from 'drizzle-orm';
import type { UserRecord, UserStore } from '../core/ports.js';
import type { Platform, UserRef } from '../core/types.js';
import type { Database } from './database.js';
import { userIs } from './keys.js';
import { attempts, reviewCards, users } from './schema.js';

const USER_KEY = [users.platform, users.teamId, users.userId];

export class UserRepository implements UserStore {
  constructor(private readonly db: Database) {}

  async get(user: UserRef): Promise<UserRecord | undefined> {
    const [row] = await this.db.select().from(users).where(userIs(users, user)).limit(1);
    if (!row) return undefined;
    return {
      platform: row.platform as Platform,
      teamId: row.teamId,
      userId: row.userId,
      displayName: row.displayName,
      hidden: row.hidden,
    };
  }

  async touch(user: UserRef, displayName: string, now: Date): Promise<void> {
    await this.db
      .insert(users)
      .values({ ...user, displayName, updatedAt: now })
      .onConflictDoUpdate({
        target: USER_KEY,
        set: { displayName, updatedAt: now },
        setWhere: sql`${users.displayName} is distinct from excluded.display_name`,
      });
  }

  async setHidden(user: UserRef, hidden: boolean, now: Date): Promise<void> {
    await this.db
      .insert(users)
      .values({ ...user, hidden, updatedAt: now })
      .onConflictDoUpdate({ target: USER_KEY, set: { hidden, updatedAt: now } });
  }

  async forget(user: UserRef): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.delete(attempts).where(userIs(attempts, user));
      // The user leaves every points level they were counted in (in key order, as grades lock them).
      await tx.execute(sql`
        with gone as (
          delete from scores where platform = ${user.platform} and team_id = ${user.teamId}
            and user_id = ${user.userId}
          returning scope_channel_id, period, period_start, points
        )
        insert into score_levels as l (platform, team_id, scope_channel_id, period, period_start, points, users)
        select ${user.platform}, ${user.teamId}, scope_channel_id, period, period_start, points, -count(*)::int
        from gone group by 3, 4, 5, 6 order by 3, 4, 5, 6
        on conflict (platform, team_id, scope_channel_id, period, period_start, points) do update
          set users = l.users + excluded.users`);
      await tx.delete(reviewCards).where(userIs(reviewCards, user));
      await tx.delete(users).where(userIs(users, user));
    });
  }
}
