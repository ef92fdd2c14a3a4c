import { Rating, State } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { RATING_FOR_GRADE, reviewAfterGrade } from '../../src/rules/review-cards.js';

const NOW = new Date('2026-03-10T09:00:00.000Z');
const dueMs = (card: { due: string }) => Date.parse(card.due);

describe('RATING_FOR_GRADE', () => {
  it('maps Missed to Again, Partly to Hard and Nailed it to Good', () => {
    expect(RATING_FOR_GRADE.missed).toBe(Rating.Again);
    expect(RATING_FOR_GRADE.partly).toBe(Rating.Hard);
    expect(RATING_FOR_GRADE.nailed).toBe(Rating.Good);
  });
});

describe('reviewAfterGrade', () => {
  it('turns a first Nailed it into a card with one rep, due after now', () => {
    const card = reviewAfterGrade(null, 'nailed', NOW);
    expect(card.reps).toBe(1);
    expect(card.lapses).toBe(0);
    expect(card.state).toBe(State.Learning);
    expect(card.last_review).toBe(NOW.toISOString());
    expect(dueMs(card)).toBeGreaterThan(NOW.getTime());
  });

  it('stores plain JSON: dates as ISO strings', () => {
    const card = reviewAfterGrade(null, 'partly', NOW);
    expect(typeof card.due).toBe('string');
    expect(new Date(card.due).toISOString()).toBe(card.due);
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
  });

  it('makes a Missed card due sooner than a Nailed one, Partly in between', () => {
    const missed = reviewAfterGrade(null, 'missed', NOW);
    const partly = reviewAfterGrade(null, 'partly', NOW);
    const nailed = reviewAfterGrade(null, 'nailed', NOW);
    expect(dueMs(missed)).toBeLessThan(dueMs(partly));
    expect(dueMs(partly)).toBeLessThan(dueMs(nailed));
  });

  it('makes Missed due sooner than Nailed from the same reviewed card', () => {
    const before = reviewAfterGrade(null, 'nailed', NOW);
    const later = new Date(Date.parse(before.due) + 60_000);
    const missed = reviewAfterGrade(before, 'missed', later);
    const nailed = reviewAfterGrade(before, 'nailed', later);
    expect(dueMs(missed)).toBeLessThan(dueMs(nailed));
    expect(missed.reps).toBe(2);
    expect(nailed.reps).toBe(2);
  });

  it('gives the same result twice from the same before card (a regrade replays, not stacks)', () => {
    const before = reviewAfterGrade(null, 'partly', NOW);
    const snapshot = structuredClone(before);
    const at = new Date('2026-03-11T09:00:00.000Z');
    const first = reviewAfterGrade(before, 'nailed', at);
    const second = reviewAfterGrade(before, 'nailed', at);
    expect(second).toEqual(first);
    expect(before).toEqual(snapshot);
  });

  it('gives the same first card twice for a new question', () => {
    expect(reviewAfterGrade(null, 'missed', NOW)).toEqual(reviewAfterGrade(null, 'missed', NOW));
  });

  it('graduates a card after repeated Nailed it to a due date days away', () => {
    let card = reviewAfterGrade(null, 'nailed', NOW);
    let at = NOW;
    for (let i = 0; i < 3; i++) {
      at = new Date(card.due);
      card = reviewAfterGrade(card, 'nailed', at);
    }
    expect(card.reps).toBe(4);
    expect(card.state).toBe(State.Review);
    expect(dueMs(card) - at.getTime()).toBeGreaterThanOrEqual(86_400_000);
  });
});
