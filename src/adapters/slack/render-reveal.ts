import type { types } from '@slack/bolt';
import type { Inline } from '../../core/markdown-tree.js';
import { GRADES, type ParsedSections } from '../../core/types.js';
import type { RevealView } from '../../core/views.js';
import { GRADE_LABELS } from '../../rules/scoring.js';
import { gradeActionId } from './action-ids.js';
import { context, header, sections } from './render-block-limits.js';
import { slackInline, slackMrkdwn } from './render-markdown.js';
import { escapeMrkdwn } from './render-mrkdwn.js';
import { questionContext, questionHeading } from './render-question-card.js';
import { button, message, type SlackMessage } from './slack-message.js';

type Block = types.KnownBlock;

const bulletList = (items: readonly Inline[][]) => items.map((item) => `• ${slackInline(item)}`).join('\n');

/** What a Nailed it, a Partly and a Missed answer sound like: the bar for the grade buttons below. */
const listenForLines = (parsed: ParsedSections) =>
  GRADES.map((g) => `• *${GRADE_LABELS[g]}:* ${slackInline(parsed.listenFor[g])}`).join('\n');

const followUpLines = (parsed: ParsedSections) =>
  parsed.followUps
    .map((f) => `• ${slackInline(f.question)}${f.answer ? `\n      ↳ ${slackInline(f.answer)}` : ''}`)
    .join('\n');

/** The model answer beside what the clicker wrote, then the self-grade buttons. */
export function renderReveal(view: RevealView): SlackMessage {
  const q = view.question;
  const parsed = view.parsed;
  const blocks: Block[] = [
    header(`Model answer: ${questionHeading(q)}`),
    context(questionContext(q)),
    ...sections(`*Short answer*\n${slackMrkdwn(parsed.shortAnswer)}`),
    ...sections(slackMrkdwn(parsed.answer)),
    ...sections(`*Key points*\n${bulletList(parsed.keyPoints)}`),
    ...sections(`*What interviewers listen for*\n${listenForLines(parsed)}`),
  ];
  if (parsed.mistakes.length > 0)
    blocks.push(...sections(`*Common mistakes*\n${bulletList(parsed.mistakes)}`));
  if (parsed.example) blocks.push(...sections(`*Example*\n${slackMrkdwn(parsed.example)}`));
  if (parsed.followUps.length > 0) blocks.push(...sections(`*Follow-ups*\n${followUpLines(parsed)}`));
  blocks.push({ type: 'divider' });
  if (view.writtenAnswer) {
    // The user's own words: escaped, shown as written.
    blocks.push(...sections(`*Your answer*\n${escapeMrkdwn(view.writtenAnswer)}`));
  } else {
    blocks.push(
      context('You did not write an answer first. Next time, try *Write my answer* before revealing.'),
    );
  }
  const graded = view.currentGrade
    ? ` You graded this *${GRADE_LABELS[view.currentGrade]}*; grading again replaces it.`
    : '';
  blocks.push(context(`*How did you do?*${graded}`), {
    type: 'actions',
    elements: GRADES.map((grade) =>
      button(GRADE_LABELS[grade], gradeActionId(grade), q.id, grade === 'nailed' ? 'primary' : undefined),
    ),
  });
  return message(`Model answer: ${escapeMrkdwn(questionHeading(q))}`, blocks);
}
