import type { Grade } from '../../core/types.js';

/**
 * The ids our buttons and modal carry. Render puts them on the blocks,
 * register listens for them; the question id travels in the button value.
 */
export const REVEAL_ACTION = 'drill_reveal';
export const WRITE_ACTION = 'drill_write';
/** The confirm button of a use case that asks first; its value is the use case's name. */
export const CONFIRM_ACTION = 'drill_confirm';
const GRADE_ACTION_PREFIX = 'drill_grade_';
export const GRADE_ACTION_PATTERN = /^drill_grade_(nailed|partly|missed)$/;

export const gradeActionId = (grade: Grade): string => `${GRADE_ACTION_PREFIX}${grade}`;

/** The write-my-answer modal: its callback id and where its text input sits in view.state. */
export const WRITE_MODAL_CALLBACK = 'drill_write_answer';
export const WRITE_MODAL_BLOCK = 'answer';
export const WRITE_MODAL_INPUT = 'answer_text';
