import { describe, expect, it } from 'vitest';
import { DrillError } from '../../src/core/errors.js';
import { parseDays } from '../../src/rules/schedule-rules.js';

/**
 * Regression: parseDays once kept only the first three letters of each part, so "monkey" read as Monday,
 * "wedge" as Wednesday and "mon wed fri" as Monday alone. Words that are no day name are refused.
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
