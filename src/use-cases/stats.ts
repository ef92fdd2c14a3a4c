import type { EngineDeps } from '../core/engine-deps.js';
import { DrillError } from '../core/errors.js';
import { TEAM_SCOPE } from '../core/ports.js';
import type { Actor, Grade, Topic } from '../core/types.js';
import type { UseCase } from '../core/use-case.js';
import type { StatsView } from '../core/views.js';
import { periodStart } from '../rules/periods.js';
import { currentStreak } from '../rules/streak.js';
import { localDateOf } from '../rules/time-zone.js';
import { channelZone } from './shared/channel-zone.js';
import { accuracy } from './shared/recap.js';

/** Points, streak, attempts, accuracy by topic and reviews due, for the caller or someone visible. */
async function statsFor(deps: EngineDeps, actor: Actor, userId?: string): Promise<StatsView> {
  const { store } = deps;
  const bank = await deps.banks.forTeam(actor);
  const targetId = userId && userId !== actor.userId ? userId : actor.userId;
  const isCaller = targetId === actor.userId;
  const target = { platform: actor.platform, teamId: actor.teamId, userId: targetId };
  const record = await store.users.get(target);
  if (!isCaller && (!record || record.hidden)) {
    throw new DrillError(record ? 'That person keeps their stats private.' : 'No stats for that person yet.');
  }
  const now = deps.clock();
  const today = localDateOf(now, await channelZone(deps, actor));
  const [total, week, dates, counts, attempts, reviewsDue] = await Promise.all([
    store.scores.get(target, {
      scopeChannelId: TEAM_SCOPE,
      period: 'all',
      periodStart: periodStart('all', today),
    }),
    store.scores.get(target, {
      scopeChannelId: TEAM_SCOPE,
      period: 'week',
      periodStart: periodStart('week', today),
    }),
    store.attempts.gradedDailyDates(actor, targetId, 400),
    store.attempts.userGradeCounts(target),
    store.attempts.userAttemptCount(target),
    store.reviews.dueCount(target, now),
  ]);
  const grades: Record<Grade, number> = { nailed: 0, partly: 0, missed: 0 };
  const byTopic = new Map<Topic, Record<Grade, number>>();
  for (const c of counts) {
    grades[c.grade] += c.count;
    const topic = bank.get(c.questionId)?.topic;
    if (!topic) continue;
    const t = byTopic.get(topic) ?? { nailed: 0, partly: 0, missed: 0 };
    t[c.grade] += c.count;
    byTopic.set(topic, t);
  }
  return {
    kind: 'stats',
    name: record?.displayName ?? (isCaller ? actor.userName : targetId),
    isCaller,
    totalPoints: total?.points ?? 0,
    weekPoints: week?.points ?? 0,
    streak: currentStreak(dates, today),
    attempts,
    graded: grades.nailed + grades.partly + grades.missed,
    grades,
    byTopic: [...byTopic]
      .map(([topic, g]) => ({ topic, attempts: g.nailed + g.partly + g.missed, accuracy: accuracy(g) }))
      .sort((a, b) => b.attempts - a.attempts),
    reviewsDue,
  };
}

export const stats: UseCase = {
  name: 'stats',
  description: 'Points, streak, attempts, accuracy by topic, reviews due',
  trigger: 'command',
  options: [
    {
      name: 'user',
      kind: 'user',
      description: 'Whose stats (default: yours)',
      positional: 'word',
      placeholder: '@user',
      maxLength: 64,
    },
  ],
  who: 'anyone',
  where: 'anywhere',
  answerTo: 'caller',
  run: (deps, actor, input) => statsFor(deps, actor, typeof input.user === 'string' ? input.user : undefined),
};
