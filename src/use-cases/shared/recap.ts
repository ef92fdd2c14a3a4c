import type { EngineDeps } from '../../core/engine-deps.js';
import type { DailyPostRecord, DayTally } from '../../core/ports.js';
import { type QuestionBank, toSummary } from '../../core/question-bank.js';
import type { ChannelRef, Grade, Topic } from '../../core/types.js';
import type { RecapView, WeeklyRecapView } from '../../core/views.js';
import { weekStart } from '../../rules/periods.js';
import { boardName, rankByPoints } from '../../rules/ranking.js';
import { addDays } from '../../rules/time-zone.js';

const GRADE_ORDER: Grade[] = ['nailed', 'partly', 'missed'];
const MAX_BEST_NAMES = 5;

/** How the channel did on its previous daily question, from that day's grades. */
export function recapFrom(
  bank: QuestionBank,
  previous: DailyPostRecord,
  tally: readonly DayTally[],
): RecapView {
  const grades: Record<Grade, number> = { nailed: 0, partly: 0, missed: 0 };
  for (const t of tally) grades[t.grade]++;
  const bestGrade = GRADE_ORDER.find((g) => grades[g] > 0 && g !== 'missed');
  const best = tally
    .filter((t) => t.grade === bestGrade)
    .slice(0, MAX_BEST_NAMES)
    .map((t) => boardName(t, ''));
  const question = bank.get(previous.questionId);
  return {
    localDate: previous.localDate,
    question: question ? toSummary(question) : null,
    answered: tally.length,
    grades,
    best,
  };
}

/** Accuracy counts Nailed it as 1 and Partly as ½. */
export function accuracy(counts: Record<Grade, number>): number {
  const total = counts.nailed + counts.partly + counts.missed;
  return total === 0 ? 0 : (counts.nailed + counts.partly / 2) / total;
}

/** For the first post of a week: last week's channel board and the two weakest topics. */
export async function weeklyRecapOf(
  deps: EngineDeps,
  bank: QuestionBank,
  ref: ChannelRef,
  localDate: string,
): Promise<WeeklyRecapView | null> {
  const thisWeek = weekStart(localDate);
  const lastWeek = addDays(thisWeek, -7);
  const rows = await deps.store.scores.top(
    ref,
    { scopeChannelId: ref.channelId, period: 'week', periodStart: lastWeek },
    5,
  );
  const board = rankByPoints(rows).map((r) => ({
    rank: r.rank,
    name: boardName(r, ''),
    points: r.points,
    answered: r.answered,
    isCaller: false,
  }));
  const byTopic = new Map<Topic, Record<Grade, number>>();
  for (const c of await deps.store.attempts.channelGradeCounts(ref, lastWeek, addDays(thisWeek, -1))) {
    const topic = bank.get(c.questionId)?.topic;
    if (!topic) continue;
    const counts = byTopic.get(topic) ?? { nailed: 0, partly: 0, missed: 0 };
    counts[c.grade] += c.count;
    byTopic.set(topic, counts);
  }
  const weakestTopics = [...byTopic]
    .map(([topic, counts]) => ({
      topic,
      accuracy: accuracy(counts),
      attempts: counts.nailed + counts.partly + counts.missed,
    }))
    .sort((a, b) => a.accuracy - b.accuracy || b.attempts - a.attempts)
    .slice(0, 2);
  if (board.length === 0 && weakestTopics.length === 0) return null;
  return { weekStart: lastWeek, board, weakestTopics };
}
