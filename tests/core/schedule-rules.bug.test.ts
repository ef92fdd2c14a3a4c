import { describe, expect, it } from 'vitest';
import { DrillError } from '../../src/core/errors.js';
import { parseDays } from '../../src/core/schedule-rules.js';

/**
 * BUG (src/core/schedule-rules.ts:42): parseDays keeps only the first three
 * letters of each comma-separated part, so any word that starts with a day
 * abbreviation is read as that day and the rest is dropped without a word:
 * "monkey" -> Monday, "wedge" -> Wednesday, "mon wed fri" -> Monday only.
 * Like "funday", these are not day sets and should be refused.
 */
describe('parseDays reads only real day names', () => {
  it.each(['monkey', 'satan', 'sunshine', 'wedge'])('refuses "%s", which is no day name', (text) => {
    expect(() => parseDays(text)).toThrow(DrillError);
  });

  it('still accepts full day names (the reason for the three-letter cut)', () => {
    expect(parseDays('monday,wednesday,friday')).toEqual([1, 3, 5]);
  });

  it('never turns "mon wed fri" into Monday only: all three days or a DrillError', () => {
    let days: number[] | undefined;
    try {
      days = parseDays('mon wed fri');
    } catch (error) {
      expect(error).toBeInstanceOf(DrillError);
      return;
    }
    expect(days).toEqual([1, 3, 5]);
  });
});
