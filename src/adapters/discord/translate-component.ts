import type { ButtonInteraction, ModalSubmitInteraction } from 'discord.js';
import type { DrillAction } from '../../core/command.js';
import { ANSWER_INPUT_ID, type ComponentIntent, parseAnswerModalId, parseButtonId } from './custom-ids.js';

/** A button click as what it asks for: an engine action, or the answer modal to open. */
export type ButtonRequest =
  | { kind: 'action'; action: DrillAction }
  | { kind: 'open-modal'; questionId: string };

function requestOf(intent: ComponentIntent): ButtonRequest {
  switch (intent.kind) {
    case 'write':
      return { kind: 'open-modal', questionId: intent.questionId };
    case 'reveal':
      return { kind: 'action', action: { name: 'reveal', questionId: intent.questionId } };
    case 'grade':
      return {
        kind: 'action',
        action: { name: 'grade', questionId: intent.questionId, grade: intent.grade },
      };
    case 'forget-confirm':
      return { kind: 'action', action: { name: 'forget-confirm' } };
  }
}

/** Null for buttons that are not ours. */
export function translateButton(interaction: ButtonInteraction): ButtonRequest | null {
  const intent = parseButtonId(interaction.customId);
  return intent ? requestOf(intent) : null;
}

/** The submitted answer modal as a write action; null for modals that are not ours. */
export function translateModalSubmit(interaction: ModalSubmitInteraction): DrillAction | null {
  const questionId = parseAnswerModalId(interaction.customId);
  if (!questionId) return null;
  // A missing field becomes an empty answer, which the engine refuses with a clear message.
  const text = interaction.fields.fields.has(ANSWER_INPUT_ID)
    ? interaction.fields.getTextInputValue(ANSWER_INPUT_ID)
    : '';
  return { name: 'write', questionId, text };
}
