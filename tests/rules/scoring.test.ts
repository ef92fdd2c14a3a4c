import { describe, expect, it } from 'vitest';
import { GRADE_LABELS, POINTS, pointsFor } from '../../src/rules/scoring.js';

describe('scoring', () => {
  it('gives 3 points for Nailed it', () => {
    expect(pointsFor('nailed')).toBe(3);
    expect(GRADE_LABELS.nailed).toBe('Nailed it');
  });

  it('gives 1 point for Partly', () => {
    expect(pointsFor('partly')).toBe(1);
    expect(GRADE_LABELS.partly).toBe('Partly');
  });

  it('gives 0 points for Missed', () => {
    expect(pointsFor('missed')).toBe(0);
    expect(GRADE_LABELS.missed).toBe('Missed');
  });

  it('defines points for exactly the three grades', () => {
    expect(POINTS).toEqual({ nailed: 3, partly: 1, missed: 0 });
  });
});
