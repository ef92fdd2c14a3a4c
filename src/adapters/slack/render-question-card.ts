import type { types } from '@slack/bolt';
import type { QuestionCardView, QuestionSummary, RecapView, WeeklyRecapView } from '../../core/views.js';
import { REVEAL_ACTION, WRITE_ACTION } from './action-ids.js';
import { context, header, preformatted, section } from './render-block-limits.js';
import { boardLines } from './render-board.js';
import { escapeMrkdwn } from './render-mrkdwn.js';
import { button, message, type SlackMessage } from './slack-message.js';

type Block = types.KnownBlock;

const percent = (x: number) => `${Math.round(x * 100)}%`;

export const questionHeading = (q: QuestionSummary): string => `#${q.number} ${q.title}`;

export const questionContext = (q: QuestionSummary): string =>
  `Topic: *${escapeMrkdwn(q.topic)}*  ·  Difficulty: *${escapeMrkdwn(q.difficulty)}*  ·  Pack: ${escapeMrkdwn(q.pack)}`;

function recapBlocks(recap: RecapView): Block[] {
  const about = recap.question ? ` on _${escapeMrkdwn(questionHeading(recap.question))}_` : '';
  const best = recap.best.length > 0 ? ` Best: ${escapeMrkdwn(recap.best.join(', '))}.` : '';
  const g = recap.grades;
  return [
    context(
      `:bar_chart: Yesterday (${recap.localDate})${about}: *${recap.answered}* answered — ${g.nailed} nailed it, ${g.partly} partly, ${g.missed} missed.${best}`,
    ),
  ];
}

function weeklyBlocks(weekly: WeeklyRecapView): Block[] {
  const blocks: Block[] = [section(`:trophy: *Last week's board* (week of ${weekly.weekStart})`)];
  blocks.push(
    ...(weekly.board.length > 0 ? preformatted(boardLines(weekly.board)) : [context('No points last week.')]),
  );
  if (weekly.weakestTopics.length > 0) {
    const topics = weekly.weakestTopics
      .map((t) => `${escapeMrkdwn(t.topic)} (${percent(t.accuracy)} of ${t.attempts})`)
      .join(', ');
    blocks.push(context(`Weakest topics last week: ${topics}. Worth a /drill ask topic=… this week.`));
  }
  return blocks;
}

const LABELS: Record<QuestionCardView['context'], string> = {
  daily: "Today's question",
  ask: 'Question',
  review: 'Review',
};

/** The question card: the daily post, an ask or a review. Buttons carry the question id. */
export function renderQuestionCard(view: QuestionCardView): SlackMessage {
  const q = view.question;
  const blocks: Block[] = [];
  if (view.recap) blocks.push(...recapBlocks(view.recap));
  if (view.weekly) blocks.push(...weeklyBlocks(view.weekly));
  if (blocks.length > 0) blocks.push({ type: 'divider' });
  const label = `${LABELS[view.context]}${view.localDate ? ` · ${view.localDate}` : ''}`;
  blocks.push(context(`*${label}*`), header(questionHeading(q)), context(questionContext(q)));
  if (view.context === 'review') {
    blocks.push(
      context(
        view.unseen
          ? 'A new question for your review deck.'
          : `${view.dueAfter ?? 0} more due after this one.`,
      ),
    );
  }
  blocks.push(
    section('Think it through first. Write your answer, then reveal the model answer: only you will see it.'),
    {
      type: 'actions',
      elements: [
        button('Show answer', REVEAL_ACTION, q.id, 'primary'),
        button('Write my answer', WRITE_ACTION, q.id),
      ],
    },
  );
  return message(`${label}: ${escapeMrkdwn(questionHeading(q))} (${q.topic}, ${q.difficulty})`, blocks);
}
