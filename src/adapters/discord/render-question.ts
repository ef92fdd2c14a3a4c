import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import type { QuestionCardView, QuestionListView, QuestionSummary } from '../../core/views.js';
import { revealId, writeId } from './custom-ids.js';
import { COLORS, percent, plain } from './embed-style.js';
import { boardLines } from './render-board.js';

export const questionHeading = (q: QuestionSummary) => `#${q.number} ${q.title}`;
export const questionTags = (q: QuestionSummary) => `${q.topic} · ${q.difficulty} · ${q.pack}`;

/** *Show answer* and *Write my answer* for one question. */
export function practiceButtons(questionId: string): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        label: 'Show answer',
        custom_id: revealId(questionId),
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: 'Write my answer',
        custom_id: writeId(questionId),
      },
    ],
  };
}

function recapEmbeds(view: QuestionCardView): APIEmbed[] {
  const embeds: APIEmbed[] = [];
  if (view.recap) {
    const r = view.recap;
    const best = r.best.length > 0 ? `\nBest: ${r.best.map(plain).join(', ')}` : '';
    const question = r.question ? ` on ${questionHeading(r.question)}` : '';
    embeds.push({
      color: COLORS.info,
      title: `Yesterday (${r.localDate})`,
      description: `${r.answered} answered${question} — ${r.grades.nailed} nailed, ${r.grades.partly} partly, ${r.grades.missed} missed${best}`,
    });
  }
  if (view.weekly) {
    const w = view.weekly;
    const fields =
      w.weakestTopics.length > 0
        ? [
            {
              name: 'Weakest topics',
              value: w.weakestTopics
                .map((t) => `${t.topic}: ${percent(t.accuracy)} of ${t.attempts}`)
                .join('\n'),
            },
          ]
        : [];
    embeds.push({
      color: COLORS.board,
      title: `Last week's board (from ${w.weekStart})`,
      description: w.board.length > 0 ? boardLines(w.board).join('\n') : 'Nobody scored last week.',
      fields,
    });
  }
  return embeds;
}

/** A question card: recap first on a daily post, then the question with its two buttons. */
export function renderQuestionCard(view: QuestionCardView): {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
} {
  const label = {
    daily: `Today's question${view.localDate ? ` (${view.localDate})` : ''}`,
    ask: 'Question',
    review: 'Review',
  }[view.context];
  const lines = [`**${label}**`, `${questionTags(view.question)}`];
  if (view.context === 'review') {
    lines.push(
      view.unseen ? 'A new question for your review deck.' : `${view.dueAfter ?? 0} more due after this one.`,
    );
  }
  lines.push('', 'Think it through first. *Write my answer* to jot yours down, *Show answer* to compare.');
  const card: APIEmbed = {
    color: COLORS.question,
    title: questionHeading(view.question),
    description: lines.join('\n'),
    footer: { text: `id: ${view.question.id}` },
  };
  return { embeds: [...recapEmbeds(view), card], components: [practiceButtons(view.question.id)] };
}

export function renderQuestionList(view: QuestionListView): APIEmbed {
  return {
    color: COLORS.question,
    title: `Matches for "${view.query}"`,
    description:
      view.matches.length > 0
        ? view.matches.map((q) => `**${questionHeading(q)}** — ${questionTags(q)} (\`${q.id}\`)`).join('\n')
        : 'No matches. Try /drill topics.',
  };
}
