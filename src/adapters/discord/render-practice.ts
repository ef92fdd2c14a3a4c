import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import type { Inline } from '../../core/markdown-tree.js';
import { GRADES, type Grade } from '../../core/types.js';
import type { AnswerSavedView, GradeResultView, RevealView } from '../../core/views.js';
import { GRADE_LABELS, POINTS } from '../../rules/scoring.js';
import { gradeId, revealId } from './custom-ids.js';
import { COLORS } from './embed-style.js';
import { discordInline, discordMarkdown } from './render-markdown.js';
import { questionHeading } from './render-question.js';

const GRADE_STYLE: Record<Grade, ButtonStyle.Success | ButtonStyle.Primary | ButtonStyle.Danger> = {
  nailed: ButtonStyle.Success,
  partly: ButtonStyle.Primary,
  missed: ButtonStyle.Danger,
};

export function gradeButtons(questionId: string): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: GRADES.map((grade) => ({
      type: ComponentType.Button as const,
      style: GRADE_STYLE[grade],
      label: `${GRADE_LABELS[grade]} (+${POINTS[grade]})`,
      custom_id: gradeId(questionId, grade),
    })),
  };
}

const bullets = (items: readonly Inline[][]) => items.map((item) => `• ${discordInline(item)}`).join('\n');

/**
 * The model answer beside what the clicker wrote. Each part is its own embed
 * so the layout can split long answers over embeds and messages; the grade
 * buttons come last.
 */
export function renderReveal(view: RevealView): {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
} {
  const parsed = view.parsed;
  const embeds: APIEmbed[] = [
    {
      color: COLORS.answer,
      title: `Model answer — ${questionHeading(view.question)}`,
      description: `**Short answer.** ${discordMarkdown(parsed.shortAnswer)}`,
    },
    { color: COLORS.answer, description: discordMarkdown(parsed.answer) },
  ];
  if (parsed.keyPoints.length > 0) {
    embeds.push({ color: COLORS.answer, title: 'Key points', description: bullets(parsed.keyPoints) });
  }
  embeds.push({
    color: COLORS.info,
    title: 'What interviewers listen for',
    description: GRADES.map((g) => `• **${GRADE_LABELS[g]}:** ${discordInline(parsed.listenFor[g])}`).join(
      '\n',
    ),
  });
  if (parsed.mistakes.length > 0) {
    embeds.push({ color: COLORS.info, title: 'Common mistakes', description: bullets(parsed.mistakes) });
  }
  if (parsed.example) {
    embeds.push({ color: COLORS.answer, title: 'Example', description: discordMarkdown(parsed.example) });
  }
  if (parsed.followUps.length > 0) {
    embeds.push({
      color: COLORS.info,
      title: 'Follow-ups',
      description: parsed.followUps
        .map((f) => `• ${discordInline(f.question)}${f.answer ? `\n  ↳ ${discordInline(f.answer)}` : ''}`)
        .join('\n'),
    });
  }
  embeds.push({
    color: COLORS.written,
    title: 'Your answer',
    description:
      view.writtenAnswer ?? '_No written answer this time. Next time, try “Write my answer” first._',
    footer: {
      text: view.currentGrade
        ? `Graded: ${GRADE_LABELS[view.currentGrade]}. Grade again to replace it.`
        : 'How did you do? Grade yourself below.',
    },
  });
  return { embeds, components: [gradeButtons(view.question.id)] };
}

export function renderAnswerSaved(view: AnswerSavedView): {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
} {
  return {
    embeds: [
      {
        color: COLORS.success,
        description: `Saved your answer to **${questionHeading(view.question)}**. Show the answer when you are ready.`,
      },
    ],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Primary,
            label: 'Show answer',
            custom_id: revealId(view.question.id),
          },
        ],
      },
    ],
  };
}

export function renderGraded(view: GradeResultView): APIEmbed {
  const again = view.replaced ? ' (replaces your earlier grade)' : '';
  const rank = view.weekRank ? ` · #${view.weekRank} this week` : '';
  return {
    color: view.grade === 'missed' ? COLORS.info : COLORS.success,
    title: `${GRADE_LABELS[view.grade]}: +${view.points} point${view.points === 1 ? '' : 's'}${again}`,
    description: `${questionHeading(view.question)}\nTotal **${view.totalPoints}** · streak ${view.streak} day${view.streak === 1 ? '' : 's'}${rank}`,
  };
}
