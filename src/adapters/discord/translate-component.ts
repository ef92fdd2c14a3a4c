import type { ButtonInteraction, ModalSubmitInteraction } from 'discord.js';
import { ANSWER_INPUT_ID, type ComponentIntent, parseAnswerModalId, parseButtonId } from './custom-ids.js';

/** A use case a component stands for, with its raw options; the engine checks them. */
export interface ComponentCall {
  name: string;
  input: Record<string, string>;
  confirmed?: boolean;
}

/** A button click as what it asks for: a use case to run, or the answer modal to open. */
export type ButtonRequest = { kind: 'run'; call: ComponentCall } | { kind: 'open-modal'; questionId: string };

function requestOf(intent: ComponentIntent): ButtonRequest {
  switch (intent.kind) {
    case 'write':
      return { kind: 'open-modal', questionId: intent.questionId };
    case 'reveal':
      return { kind: 'run', call: { name: 'reveal', input: { question: intent.questionId } } };
    case 'grade':
      return {
        kind: 'run',
        call: { name: 'grade', input: { question: intent.questionId, grade: intent.grade } },
      };
    case 'confirm':
      return { kind: 'run', call: { name: intent.useCase, input: {}, confirmed: true } };
  }
}

/** Null for buttons that are not ours. */
export function translateButton(interaction: ButtonInteraction): ButtonRequest | null {
  const intent = parseButtonId(interaction.customId);
  return intent ? requestOf(intent) : null;
}

/** The submitted answer modal as the write use case; null for modals that are not ours. */
export function translateModalSubmit(interaction: ModalSubmitInteraction): ComponentCall | null {
  const questionId = parseAnswerModalId(interaction.customId);
  if (!questionId) return null;
  // A missing field becomes an empty answer, which the engine refuses with a clear message.
  const text = interaction.fields.fields.has(ANSWER_INPUT_ID)
    ? interaction.fields.getTextInputValue(ANSWER_INPUT_ID)
    : '';
  return { name: 'write', input: { question: questionId, text } };
}
