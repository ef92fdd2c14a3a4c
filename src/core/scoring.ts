import type { Grade } from './types.js';

/** The one place points are defined. */
export const POINTS: Readonly<Record<Grade, number>> = { nailed: 3, partly: 1, missed: 0 };

export function pointsFor(grade: Grade): number {
  return POINTS[grade];
}

export const GRADE_LABELS: Readonly<Record<Grade, string>> = {
  nailed: 'Nailed it',
  partly: 'Partly',
  missed: 'Missed',
};
