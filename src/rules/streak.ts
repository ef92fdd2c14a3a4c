import { daysBetween } from './time-zone.js';

/**
 * Consecutive local days with a graded daily question, ending today or
 * yesterday (today's question may still be open). Dates are 'YYYY-MM-DD'.
 */
export function currentStreak(gradedDates: readonly string[], today: string): number {
  const days = [...new Set(gradedDates)]
    .filter((d) => d <= today)
    .sort()
    .reverse();
  const first = days[0];
  if (first === undefined || daysBetween(first, today) > 1) return 0;
  let streak = 1;
  for (let i = 1; i < days.length; i++) {
    if (daysBetween(days[i] as string, days[i - 1] as string) !== 1) break;
    streak++;
  }
  return streak;
}
