import { type Card, createEmptyCard, fsrs, Rating } from 'ts-fsrs';
import type { Grade } from '../core/types.js';

/** The stored form of an FSRS card: plain JSON, dates as ISO strings. */
export interface ReviewCardState {
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review: string | null;
}

export const RATING_FOR_GRADE: Readonly<Record<Grade, Rating.Again | Rating.Hard | Rating.Good>> = {
  missed: Rating.Again,
  partly: Rating.Hard,
  nailed: Rating.Good,
};

const scheduler = fsrs();

function toCard(state: ReviewCardState | null, now: Date): Card {
  if (!state) return createEmptyCard(now);
  return {
    ...state,
    due: new Date(state.due),
    last_review: state.last_review ? new Date(state.last_review) : undefined,
  } as Card;
}

function fromCard(card: Card): ReviewCardState {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    last_review: card.last_review ? card.last_review.toISOString() : null,
  };
}

/** The card after a grade, from the card as it was before this attempt. */
export function reviewAfterGrade(before: ReviewCardState | null, grade: Grade, now: Date): ReviewCardState {
  return fromCard(scheduler.next(toCard(before, now), now, RATING_FOR_GRADE[grade]).card);
}
