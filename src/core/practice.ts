import { channelZone } from './channel-zone.js';
import type { DrillCommand } from './command.js';
import { dailyCard } from './daily-question.js';
import type { EngineDeps } from './engine-deps.js';
import { DrillError } from './errors.js';
import { periodStart } from './periods.js';
import { type AttemptKey, type AttemptRecord, type ScoreBucket, TEAM_SCOPE } from './ports.js';
import { toSummary } from './question-bank.js';
import { reviewAfterGrade } from './review-cards.js';
import { pointsFor } from './scoring.js';
import { currentStreak } from './streak.js';
import { addDays, localDateOf } from './time-zone.js';
import type { Actor, ChannelRef, Grade, Question } from './types.js';
import type { AnswerSavedView, GradeResultView, QuestionCardView, RevealView } from './views.js';

export const MAX_WRITTEN_ANSWER = 3000;

/** Ask, today, review, and the write → reveal → self-grade flow. */
export class Practice {
  constructor(private readonly deps: EngineDeps) {}

  ask(command: Extract<DrillCommand, { name: 'ask' }>): QuestionCardView {
    const filter = { topic: command.topic ?? null, difficulty: command.difficulty ?? null };
    const question = command.query
      ? this.deps.bank.lookup(command.query, filter, 1)[0]
      : this.deps.bank.random(filter, this.deps.random);
    if (!question) {
      throw new DrillError(
        command.query
          ? `No question matches "${command.query}". Try /drill topics, or a number like /drill ask 12.`
          : 'No question matches those filters. Try /drill topics.',
      );
    }
    return { kind: 'question', context: 'ask', question: toSummary(question) };
  }

  async today(ref: ChannelRef): Promise<QuestionCardView> {
    const channel = await this.deps.store.channels.get(ref);
    const zone = channel?.timezone ?? this.deps.defaultTimeZone;
    const filter = { topic: channel?.topic ?? null, difficulty: channel?.difficulty ?? null };
    return dailyCard(this.deps, ref, localDateOf(this.deps.clock(), zone), filter);
  }

  async review(actor: Actor): Promise<QuestionCardView> {
    const { store, bank, clock } = this.deps;
    const now = clock();
    const due = (await store.reviews.due(actor, now, 50)).filter((id) => bank.get(id));
    const [next, ...rest] = due;
    if (next) {
      return {
        kind: 'question',
        context: 'review',
        question: toSummary(bank.get(next)!),
        dueAfter: rest.length,
      };
    }
    const seen = await store.reviews.seenQuestionIds(actor);
    const unseen = bank.all().filter((q) => !seen.has(q.id));
    const pick = unseen[Math.floor(this.deps.random() * unseen.length)];
    if (!pick)
      throw new DrillError(
        'Nothing is due for review right now, and you have seen every question. Come back later!',
      );
    return { kind: 'question', context: 'review', question: toSummary(pick), dueAfter: 0, unseen: true };
  }

  async write(actor: Actor, questionId: string, text: string): Promise<AnswerSavedView> {
    const question = this.question(questionId);
    const answer = typeof text === 'string' ? text.trim() : '';
    if (!answer) throw new DrillError('Your answer is empty; nothing was saved.');
    if (answer.length > MAX_WRITTEN_ANSWER) {
      throw new DrillError(`Your answer is longer than ${MAX_WRITTEN_ANSWER} characters; nothing was saved.`);
    }
    const { key, isDaily } = await this.attemptKey(actor, question);
    await this.deps.store.attempts.saveWritten(key, answer, isDaily, this.deps.clock());
    return { kind: 'answer-saved', question: toSummary(question) };
  }

  async reveal(actor: Actor, questionId: string): Promise<RevealView> {
    const question = this.question(questionId);
    const { key, isDaily } = await this.attemptKey(actor, question);
    const attempt = await this.deps.store.attempts.reveal(key, isDaily, this.deps.clock());
    return {
      kind: 'reveal',
      question: toSummary(question),
      answer: question.answer,
      keyPoints: question.keyPoints,
      example: question.example ?? null,
      followUps: question.followUps,
      writtenAnswer: attempt.writtenAnswer,
      currentGrade: attempt.grade,
    };
  }

  /**
   * Grades the attempt revealed today (or, just after midnight, yesterday).
   * Under a row lock: grading again replaces the grade and its points, and
   * replays the review card from where it was before this attempt.
   */
  async grade(actor: Actor, questionId: string, grade: Grade): Promise<GradeResultView> {
    const question = this.question(questionId);
    const { store, clock } = this.deps;
    const now = clock();
    const zone = await channelZone(this.deps, actor);
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
  }

  private question(id: string): Question {
    const question = this.deps.bank.get(id);
    if (!question) throw new DrillError(`There is no question "${id}".`);
    return question;
  }

  /** Today's attempt in the channel's zone; daily when it is the channel's question of the day. */
  private async attemptKey(actor: Actor, question: Question): Promise<{ key: AttemptKey; isDaily: boolean }> {
    const zone = await channelZone(this.deps, actor);
    const localDate = localDateOf(this.deps.clock(), zone);
    const daily = await this.deps.store.dailyPosts.get(actor, localDate);
    return {
      key: {
        platform: actor.platform,
        teamId: actor.teamId,
        channelId: actor.channelId,
        userId: actor.userId,
        questionId: question.id,
        localDate,
      },
      isDaily: daily?.questionId === question.id,
    };
  }
}

/** Every pre-aggregated board row a grade on this local date counts towards. */
export function scoreBuckets(ref: ChannelRef, localDate: string): ScoreBucket[] {
  const buckets: ScoreBucket[] = [];
  for (const scopeChannelId of [ref.channelId, TEAM_SCOPE]) {
    for (const period of ['week', 'month', 'all'] as const) {
      buckets.push({ scopeChannelId, period, periodStart: periodStart(period, localDate) });
    }
  }
  return buckets;
}
