import type { EngineDeps } from '../../core/engine-deps.js';
import { DrillError } from '../../core/errors.js';
import type { ChannelDay, DailyPostRecord, DayTally } from '../../core/ports.js';
import type { QuestionBank, QuestionFilter } from '../../core/question-bank.js';
import { toSummary } from '../../core/question-bank.js';
import type { ChannelRef, Question } from '../../core/types.js';
import type { QuestionCardView } from '../../core/views.js';
import { pickDaily } from '../../rules/daily-pick.js';
import { weekStart } from '../../rules/periods.js';
import { recapFrom, weeklyRecapOf } from './recap.js';

export interface DailyRequest extends ChannelDay {
  filter: QuestionFilter;
}

/** Each team's bank, read once for a batch of channels of many teams. */
async function banksOf(
  deps: EngineDeps,
  refs: readonly ChannelRef[],
): Promise<(ref: ChannelRef) => QuestionBank> {
  const banks = new Map<string, QuestionBank>();
  for (const ref of refs) {
    const key = `${ref.platform}\u0000${ref.teamId}`;
    if (!banks.has(key)) banks.set(key, await deps.banks.forTeam(ref));
  }
  return (ref) => banks.get(`${ref.platform}\u0000${ref.teamId}`)!;
}

const channelKey = (ref: ChannelRef) => `${ref.platform}\u0000${ref.teamId}\u0000${ref.channelId}`;

/** The key of a channel-day in the maps below. */
export const dayKey = (ref: ChannelRef, localDate: string) => `${channelKey(ref)}\u0000${localDate}`;

/**
 * Each channel-day's question, picked once and then the same for everyone:
 * among the filtered bank, one of those the channel has had least often, so
 * nothing repeats until the filtered bank is used up. Batched: a few queries
 * for any number of channels.
 */
export async function ensureDailyPicks(
  deps: EngineDeps,
  requests: readonly DailyRequest[],
): Promise<Map<string, DailyPostRecord>> {
  const { store, clock } = deps;
  const found = new Map<string, DailyPostRecord>();
  const remember = (records: DailyPostRecord[]) => {
    for (const r of records) found.set(dayKey(r, r.localDate), r);
  };
  remember(await store.dailyPosts.getMany(requests));
  const missing = requests.filter((r) => !found.has(dayKey(r.ref, r.localDate)));
  if (missing.length === 0) return found;

  const counts = new Map<string, Map<string, number>>();
  for (const c of await store.dailyPosts.postedCountsMany(missing.map((r) => r.ref))) {
    const perChannel = counts.get(channelKey(c.ref)) ?? new Map<string, number>();
    perChannel.set(c.questionId, c.count);
    counts.set(channelKey(c.ref), perChannel);
  }
  const bankOf = await banksOf(
    deps,
    missing.map((r) => r.ref),
  );
  const picks = missing.map((r) => {
    const bank = bankOf(r.ref);
    // An empty filtered bank (a topic or pack the team no longer has) falls back to all of it.
    const filtered = bank.filter(r.filter);
    const candidates = filtered.length > 0 ? filtered : bank.all();
    const pick = pickDaily(
      candidates,
      counts.get(channelKey(r.ref)) ?? new Map(),
      dayKey(r.ref, r.localDate),
    );
    if (!pick) throw new DrillError('The question bank is empty.');
    return { ref: r.ref, localDate: r.localDate, questionId: pick.id };
  });
  // A concurrent pick by another replica wins; everyone then reads the same rows.
  await store.dailyPosts.ensureMany(picks, clock());
  remember(await store.dailyPosts.getMany(missing));
  return found;
}

async function questionOrFail(deps: EngineDeps, ref: ChannelRef, id: string): Promise<Question> {
  const question = (await deps.banks.forTeam(ref)).get(id);
  if (!question) throw new DrillError(`Today's question (${id}) is no longer in the question bank.`);
  return question;
}

/** The channel's question of a local date. */
export async function dailyQuestion(
  deps: EngineDeps,
  ref: ChannelRef,
  localDate: string,
  filter: QuestionFilter,
): Promise<Question> {
  const record = (await ensureDailyPicks(deps, [{ ref, localDate, filter }])).get(dayKey(ref, localDate));
  return questionOrFail(deps, ref, record!.questionId);
}

/**
 * Daily cards for picked days: the question, the recap of each channel's
 * previous daily question and, on a week's first post, last week's board and
 * weakest topics. Days whose question left the bank get no card.
 */
export async function dailyCards(
  deps: EngineDeps,
  days: readonly (ChannelDay & { questionId: string })[],
): Promise<Map<string, QuestionCardView>> {
  const previous = new Map<string, DailyPostRecord>();
  for (const p of await deps.store.dailyPosts.previousMany(days)) previous.set(channelKey(p), p);
  const tallies = new Map<string, DayTally[]>();
  const previousDays = [...previous.values()].map((p) => ({ ref: p, localDate: p.localDate }));
  for (const t of await deps.store.attempts.dailyTallyMany(previousDays)) {
    const key = dayKey(t.ref, t.localDate);
    tallies.set(key, [...(tallies.get(key) ?? []), t]);
  }
  const cards = new Map<string, QuestionCardView>();
  const bankOf = await banksOf(
    deps,
    days.map((d) => d.ref),
  );
  for (const day of days) {
    const bank = bankOf(day.ref);
    const question = bank.get(day.questionId);
    if (!question) continue;
    const prev = previous.get(channelKey(day.ref));
    const recap = prev ? recapFrom(bank, prev, tallies.get(dayKey(prev, prev.localDate)) ?? []) : null;
    // Only the first post of a week (a rare, small extra) looks back at the whole week.
    const weekly =
      prev && prev.localDate < weekStart(day.localDate)
        ? await weeklyRecapOf(deps, bank, day.ref, day.localDate)
        : null;
    cards.set(dayKey(day.ref, day.localDate), {
      kind: 'question',
      context: 'daily',
      question: toSummary(question),
      localDate: day.localDate,
      recap,
      weekly,
    });
  }
  return cards;
}

/** One channel's daily card, as `/drill today` shows it. */
export async function dailyCard(
  deps: EngineDeps,
  ref: ChannelRef,
  localDate: string,
  filter: QuestionFilter,
): Promise<QuestionCardView> {
  const question = await dailyQuestion(deps, ref, localDate, filter);
  const card = (await dailyCards(deps, [{ ref, localDate, questionId: question.id }])).get(
    dayKey(ref, localDate),
  );
  return card!;
}
