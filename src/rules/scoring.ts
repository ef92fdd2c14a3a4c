import { GRADES, type Grade } from '../core/types.js';

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

/** "Nailed it = 3, Partly = 1, Missed = 0", for boards and help. */
export const POINTS_LEGEND = GRADES.map((g) => `${GRADE_LABELS[g]} = ${POINTS[g]}`).join(', ');
