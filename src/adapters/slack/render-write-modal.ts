import type { types } from '@slack/bolt';
import type { Question } from '../../core/types.js';
import { MAX_WRITTEN_ANSWER } from '../../use-cases/write.js';
import { WRITE_MODAL_BLOCK, WRITE_MODAL_CALLBACK, WRITE_MODAL_INPUT } from './action-ids.js';
import { context, section, shorten } from './render-block-limits.js';
import { escapeMrkdwn } from './render-mrkdwn.js';
import { questionContext } from './render-question-card.js';

/** The *Write my answer* modal; privateMetadata brings the question and channel back on submit. */
export function renderWriteModal(question: Question, privateMetadata: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: WRITE_MODAL_CALLBACK,
    private_metadata: privateMetadata,
    title: { type: 'plain_text', text: 'Your answer' },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      section(`*${escapeMrkdwn(shorten(`#${question.number} ${question.title}`, 300))}*`),
      context(questionContext(question)),
      {
        type: 'input',
        block_id: WRITE_MODAL_BLOCK,
        label: { type: 'plain_text', text: 'Answer as you would in the interview' },
        element: {
          type: 'plain_text_input',
          action_id: WRITE_MODAL_INPUT,
          multiline: true,
          min_length: 1,
          max_length: MAX_WRITTEN_ANSWER,
          focus_on_load: true,
          placeholder: { type: 'plain_text', text: 'Explain it in your own words…' },
        },
      },
      context('Only you see it. After saving, reveal the model answer to compare.'),
    ],
  };
}
