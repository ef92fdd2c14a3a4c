import { and, asc, count, eq, lte } from 'drizzle-orm';
import type { ReviewStore } from '../core/ports.js';
import type { UserRef } from '../core/types.js';
import type { ReviewCardState } from '../rules/review-cards.js';
import type { Database } from './database.js';
import { userIs } from './keys.js';
import { reviewCards } from './schema.js';

export class ReviewRepository implements ReviewStore {
  constructor(private readonly db: Database) {}

  async get(user: UserRef, questionId: string): Promise<ReviewCardState | undefined> {
    const [row] = await this.db
      .select({ card: reviewCards.card })
      .from(reviewCards)
      .where(and(userIs(reviewCards, user), eq(reviewCards.questionId, questionId)))
      .limit(1);
    return row?.card;
  }

  async save(user: UserRef, questionId: string, card: ReviewCardState, now: Date): Promise<void> {
    const due = new Date(card.due);
    await this.db
      .insert(reviewCards)
      .values({
        platform: user.platform,
        teamId: user.teamId,
        userId: user.userId,
        questionId,
        card,
        due,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [reviewCards.platform, reviewCards.teamId, reviewCards.userId, reviewCards.questionId],
        set: { card, due, updatedAt: now },
      });
  }

  async due(user: UserRef, now: Date, limit: number): Promise<string[]> {
    const rows = await this.db
      .select({ questionId: reviewCards.questionId })
      .from(reviewCards)
      .where(and(userIs(reviewCards, user), lte(reviewCards.due, now)))
      .orderBy(asc(reviewCards.due))
      .limit(limit);
    return rows.map((r) => r.questionId);
  }

  async dueCount(user: UserRef, now: Date): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(reviewCards)
      .where(and(userIs(reviewCards, user), lte(reviewCards.due, now)));
    return Number(row?.n ?? 0);
  }

  async seenQuestionIds(user: UserRef): Promise<Set<string>> {
    const rows = await this.db
      .select({ questionId: reviewCards.questionId })
      .from(reviewCards)
      .where(userIs(reviewCards, user));
    return new Set(rows.map((r) => r.questionId));
  }
}
