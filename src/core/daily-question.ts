import { pickDaily } from './daily-pick.js';
import type { EngineDeps } from './engine-deps.js';
import { DrillError } from './errors.js';
import type { QuestionFilter } from './question-bank.js';
import { toSummary } from './question-bank.js';
import { recapOf, weeklyRecapOf } from './recap.js';
import type { ChannelRef, Question } from './types.js';
import type { QuestionCardView } from './views.js';

/** The channel's question of a local date: picked once, then the same for everyone. */
export async function dailyQuestion(
  deps: EngineDeps,
  ref: ChannelRef,
  localDate: string,
  filter: QuestionFilter,
): Promise<Question> {
  const { store, bank, clock } = deps;
  const existing = await store.dailyPosts.get(ref, localDate);
  if (existing) return questionOrFail(deps, existing.questionId);
  // An empty filtered bank (a topic with no questions left in the packs) falls back to all of it.
  const filtered = bank.filter(filter);
  const candidates = filtered.length > 0 ? filtered : bank.all();
  const counts = await store.dailyPosts.postedCounts(ref);
  const pick = pickDaily(candidates, counts, `${ref.platform}:${ref.teamId}:${ref.channelId}:${localDate}`);
  if (!pick) throw new DrillError('The question bank is empty.');
  // A concurrent pick by another replica wins; everyone then reads the same row.
  const record = await store.dailyPosts.ensure(ref, localDate, pick.id, clock());
  return questionOrFail(deps, record.questionId);
}

function questionOrFail(deps: EngineDeps, id: string): Question {
  const question = deps.bank.get(id);
  if (!question) throw new DrillError(`Today's question (${id}) is no longer in the question bank.`);
  return question;
}

/** The daily card as posted: the question, yesterday's line and, on a week's first post, last week. */
export async function dailyCard(
  deps: EngineDeps,
  ref: ChannelRef,
  localDate: string,
  filter: QuestionFilter,
): Promise<QuestionCardView> {
  const question = await dailyQuestion(deps, ref, localDate, filter);
  const recap = await recapOf(deps, ref, localDate);
  const weekly = await weeklyRecapOf(deps, ref, localDate);
  return { kind: 'question', context: 'daily', question: toSummary(question), localDate, recap, weekly };
}
