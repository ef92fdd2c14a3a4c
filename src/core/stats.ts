import { channelZone } from './channel-zone.js';
import type { EngineDeps } from './engine-deps.js';
import { DrillError } from './errors.js';
import { periodStart } from './periods.js';
import { TEAM_SCOPE } from './ports.js';
import { accuracy } from './recap.js';
import { currentStreak } from './streak.js';
import { localDateOf } from './time-zone.js';
import type { Actor, Grade, Topic } from './types.js';
import type { StatsView } from './views.js';

/** Points, streak, attempts, accuracy by topic and reviews due, for the caller or someone visible. */
export async function statsFor(deps: EngineDeps, actor: Actor, userId?: string): Promise<StatsView> {
  const { store, bank } = deps;
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
