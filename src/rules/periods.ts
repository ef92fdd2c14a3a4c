import { addDays, parseLocalDate, weekdayOfDate } from './time-zone.js';

export const PERIODS = ['week', 'month', 'all'] as const;
export type Period = (typeof PERIODS)[number];

/** Boards keep one pre-aggregated row per period; 'all' has a single fixed start. */
export const ALL_TIME_START = '1970-01-01';

/** Weeks start on Monday, as in ISO 8601. */
export function weekStart(localDate: string): string {
  const weekday = weekdayOfDate(localDate);
  return addDays(localDate, -((weekday + 6) % 7));
}

export function monthStart(localDate: string): string {
  const { year, month } = parseLocalDate(localDate);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}

export function periodStart(period: Period, localDate: string): string {
  switch (period) {
    case 'week':
      return weekStart(localDate);
    case 'month':
      return monthStart(localDate);
    case 'all':
      return ALL_TIME_START;
  }
}
