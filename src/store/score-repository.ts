import { and, count, desc, eq, gt, sql } from 'drizzle-orm';
import type { ScoreBucket, ScoreRow, ScoreStore } from '../core/ports.js';
import type { UserRef } from '../core/types.js';
import type { Database } from './database.js';
import { teamIs } from './keys.js';
import { scores, users } from './schema.js';

type Team = Omit<UserRef, 'userId'>;

export class ScoreRepository implements ScoreStore {
  constructor(private readonly db: Database) {}

  private bucketIs(team: Team, bucket: ScoreBucket) {
    return and(
      teamIs(scores, team),
      eq(scores.scopeChannelId, bucket.scopeChannelId),
      eq(scores.period, bucket.period),
      eq(scores.periodStart, bucket.periodStart),
    );
  }

  private selectRows() {
    return this.db
      .select({
        userId: scores.userId,
        points: scores.points,
        answered: scores.answered,
        displayName: users.displayName,
        hidden: sql<boolean>`coalesce(${users.hidden}, false)`,
      })
      .from(scores)
      .leftJoin(
        users,
        and(
          eq(users.platform, scores.platform),
          eq(users.teamId, scores.teamId),
          eq(users.userId, scores.userId),
        ),
      );
  }

  async add(user: UserRef, buckets: readonly ScoreBucket[], points: number, answered: number): Promise<void> {
    if (buckets.length === 0) return;
    await this.db
      .insert(scores)
      .values(
        buckets.map((b) => ({
          platform: user.platform,
          teamId: user.teamId,
          userId: user.userId,
          scopeChannelId: b.scopeChannelId,
          period: b.period,
          periodStart: b.periodStart,
          points,
          answered,
        })),
      )
      .onConflictDoUpdate({
        target: [
          scores.platform,
          scores.teamId,
          scores.scopeChannelId,
          scores.period,
          scores.periodStart,
          scores.userId,
        ],
        set: {
          points: sql`${scores.points} + excluded.points`,
          answered: sql`${scores.answered} + excluded.answered`,
        },
      });
  }

  async top(team: Team, bucket: ScoreBucket, limit: number): Promise<ScoreRow[]> {
    const rows = await this.selectRows()
      .where(this.bucketIs(team, bucket))
      .orderBy(desc(scores.points), scores.userId)
      .limit(limit);
    return rows.map((r) => ({ ...r, hidden: Boolean(r.hidden) }));
  }

  async get(user: UserRef, bucket: ScoreBucket): Promise<ScoreRow | undefined> {
    const [row] = await this.selectRows()
      .where(and(this.bucketIs(user, bucket), eq(scores.userId, user.userId)))
      .limit(1);
    return row ? { ...row, hidden: Boolean(row.hidden) } : undefined;
  }

  async countAbove(team: Team, bucket: ScoreBucket, points: number): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(scores)
      .where(and(this.bucketIs(team, bucket), gt(scores.points, points)));
    return Number(row?.n ?? 0);
  }
}
