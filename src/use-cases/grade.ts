import { DrillError } from '../core/errors.js';
import { type AttemptRecord, TEAM_SCOPE } from '../core/ports.js';
import { toSummary } from '../core/question-bank.js';
import { GRADES, type Grade } from '../core/types.js';
import type { UseCase } from '../core/use-case.js';
import { periodStart } from '../rules/periods.js';
import { reviewAfterGrade } from '../rules/review-cards.js';
import { scoreBuckets } from '../rules/score-buckets.js';
import { pointsFor } from '../rules/scoring.js';
import { currentStreak } from '../rules/streak.js';
import { addDays, localDateOf } from '../rules/time-zone.js';
import { channelZone } from './shared/channel-zone.js';
import { questionOption } from './shared/options.js';
import { questionOf } from './shared/question-of.js';

/**
 * Nailed it / Partly / Missed on the attempt revealed today (or, just after
 * midnight, yesterday). Under a row lock: grading again replaces the grade and
 * its points, and replays the review card from where it was before this attempt.
 */
export const grade: UseCase = {
  name: 'grade',
  description: 'Grade yourself against the key points',
  trigger: 'button',
  options: [
    questionOption,
    { name: 'grade', kind: 'choice', description: 'How it went', required: true, choices: GRADES },
  ],
  who: 'anyone',
  where: 'anywhere',
  answerTo: 'caller',
  // The name was recorded by the reveal that grading needs; a grade click stays one write.
  recordsName: false,
  async run(deps, actor, input) {
    const question = await questionOf(deps, actor, input.question);
    const grade = input.grade as Grade;
    const questionId = question.id;
    const { store, clock } = deps;
    const now = clock();
    const zone = await channelZone(deps, actor);
    const today = localDateOf(now, zone);
    const base = {
      platform: actor.platform,
      teamId: actor.teamId,
      channelId: actor.channelId,
      userId: actor.userId,
      questionId,
    };
    const points = pointsFor(grade);

    const outcome = await store.transaction(async (tx) => {
      let attempt: AttemptRecord | undefined;
      for (const localDate of [today, addDays(today, -1)]) {
        attempt = await tx.attempts.lockForGrade({ ...base, localDate });
        if (attempt?.revealedAt) break;
      }
      if (!attempt?.revealedAt) throw new DrillError('Show the answer first, then grade yourself.');
      const previousPoints = attempt.grade ? (attempt.points ?? 0) : null;
      const cardBefore = attempt.grade
        ? attempt.cardBefore
        : ((await tx.reviews.get(actor, questionId)) ?? null);
      await tx.attempts.saveGrade(attempt, grade, points, cardBefore, now);
      await tx.reviews.save(actor, questionId, reviewAfterGrade(cardBefore, grade, now), now);
      const delta = points - (previousPoints ?? 0);
      const answered = previousPoints === null ? 1 : 0;
      if (delta !== 0 || answered !== 0)
        await tx.scores.add(actor, scoreBuckets(actor, attempt.localDate), delta, answered);
      return { replaced: previousPoints !== null };
    });

    const weekBucket = {
      scopeChannelId: actor.channelId,
      period: 'week' as const,
      periodStart: periodStart('week', today),
    };
    const [standing, dates] = await Promise.all([
      store.scores.standing(
        actor,
        { scopeChannelId: TEAM_SCOPE, period: 'all', periodStart: periodStart('all', today) },
        weekBucket,
      ),
      store.attempts.gradedDailyDates(actor, actor.userId, 400),
    ]);
    return {
      kind: 'graded',
      question: toSummary(question),
      grade,
      points,
      replaced: outcome.replaced,
      totalPoints: standing.totalPoints,
      streak: currentStreak(dates, today),
      weekRank: standing.ranked ? 1 + standing.ranked.above : null,
    };
  },
};
