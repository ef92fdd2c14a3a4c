import { LabelBuilder, ModalBuilder, TextInputBuilder, TextInputStyle } from 'discord.js';
import { MAX_WRITTEN_ANSWER } from '../../use-cases/write.js';
import { ANSWER_INPUT_ID, answerModalId } from './custom-ids.js';
import { shorten } from './text-split.js';

/** *Write my answer*: one paragraph input, as long as the core accepts (Discord allows 4000). */
export function renderAnswerModal(questionId: string, questionTitle: string | null): ModalBuilder {
  const title = questionTitle ? `Your answer: ${questionTitle}` : 'Your answer';
  return new ModalBuilder()
    .setCustomId(answerModalId(questionId))
    .setTitle(shorten(title, 45))
    .addLabelComponents(
      new LabelBuilder()
        .setLabel('Answer before you look')
        .setDescription('Only you see it, next to the model answer when you reveal it.')
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId(ANSWER_INPUT_ID)
            .setStyle(TextInputStyle.Paragraph)
            .setRequired(true)
            .setMinLength(1)
            .setMaxLength(Math.min(MAX_WRITTEN_ANSWER, 4000)),
        ),
    );
}
