import type { types } from '@slack/bolt';
import { GRADE_LABELS } from '../../core/scoring.js';
import { GRADES } from '../../core/types.js';
import type { RevealView } from '../../core/views.js';
import { gradeActionId } from './action-ids.js';
import { context, header, sections } from './render-block-limits.js';
import { escapeMrkdwn, markdownToMrkdwn } from './render-mrkdwn.js';
import { questionContext, questionHeading } from './render-question-card.js';
import { button, message, type SlackMessage } from './slack-message.js';

type Block = types.KnownBlock;

const bulletList = (items: string[]) => items.map((item) => `• ${markdownToMrkdwn(item)}`).join('\n');

/** The model answer beside what the clicker wrote, then the self-grade buttons. */
export function renderReveal(view: RevealView): SlackMessage {
  const q = view.question;
  const blocks: Block[] = [
    header(`Model answer: ${questionHeading(q)}`),
    context(questionContext(q)),
    ...sections(markdownToMrkdwn(view.answer)),
    ...sections(`*Key points*\n${bulletList(view.keyPoints)}`),
  ];
  if (view.example) blocks.push(...sections(`*Example*\n${markdownToMrkdwn(view.example)}`));
  if (view.followUps.length > 0) blocks.push(...sections(`*Follow-ups*\n${bulletList(view.followUps)}`));
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
