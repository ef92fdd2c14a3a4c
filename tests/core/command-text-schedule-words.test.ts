import { describe, expect, it } from 'vitest';
import { parseCommandText } from '../../src/core/command-text.js';
import { DrillError } from '../../src/core/errors.js';
import { parseDays } from '../../src/core/schedule-rules.js';

/**
 * Regression: "schedule set" once took three words as time, zone and days and silently dropped the rest,
 * saving fewer days or no topic while telling the admin it worked. Now every word counts or is refused.
 */

/** The days the schedule would get, or 'refused' when the text is rejected with a DrillError. */
function daysOrRefusal(text: string): number[] | 'refused' {
  try {
    const command = parseCommandText(text);
    if (command.name !== 'schedule-set') throw new Error(`unexpected command ${command.name}`);
    return parseDays(command.days);
  } catch (error) {
    if (error instanceof DrillError) return 'refused';
    throw error;
  }
}

describe('parseCommandText schedule set does not drop words', () => {
  it('"schedule set 09:00 UTC Mon, Fri" schedules Monday and Friday or is refused, never Monday alone', () => {
    expect([[1, 5], 'refused']).toContainEqual(daysOrRefusal('schedule set 09:00 UTC Mon, Fri'));
  });

  it('"schedule set 09:00 UTC mon wed fri" schedules all three days or is refused, never Monday alone', () => {
    expect([[1, 3, 5], 'refused']).toContainEqual(daysOrRefusal('schedule set 09:00 UTC mon wed fri'));
  });

  it('refuses a stray word after the days instead of ignoring it ("weekdays concurrency")', () => {
    expect(() => parseCommandText('schedule set 09:00 Europe/Berlin weekdays concurrency')).toThrow(
      DrillError,
    );
  });
});
