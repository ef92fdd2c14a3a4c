import { describe, expect, it } from 'vitest';
import { DrillError } from '../../src/core/errors.js';
import { validateInput } from '../../src/runtime/input-validation.js';
import { ask } from '../../src/use-cases/ask.js';
import { leaderboard } from '../../src/use-cases/leaderboard.js';
import { scheduleSet } from '../../src/use-cases/schedule-set.js';
import { stats } from '../../src/use-cases/stats.js';
import { tinyBank } from '../helpers/engine-fixture.js';

const deps = tinyBank();

describe('input validation from the declarations', () => {
  it('fills defaults, lower-cases and resolves choice aliases', () => {
    expect(validateInput(leaderboard, {}, deps)).toEqual({ period: 'week', scope: 'channel' });
    expect(validateInput(leaderboard, { period: 'ALLTIME', scope: 'workspace' }, deps)).toEqual({
      period: 'all',
      scope: 'server',
    });
  });

  it("checks topics against the bank's own topics", () => {
    expect(validateInput(ask, { topic: 'OOP' }, deps)).toEqual({ topic: 'oop' });
    expect(() => validateInput(ask, { topic: 'cooking' }, deps)).toThrow(/Unknown topic "cooking"/);
  });

  it('names a missing required option with the usage', () => {
    expect(() => validateInput(scheduleSet, { time: '09:00' }, deps)).toThrow(
      /Missing timezone\. Usage: \/drill schedule set HH:MM/,
    );
  });

  it('refuses a value longer than declared, and a user id that is no id', () => {
    expect(() => validateInput(ask, { query: 'x'.repeat(201) }, deps)).toThrow(/longer than 200/);
    expect(() => validateInput(stats, { user: '<script>' }, deps)).toThrow(DrillError);
  });

  it('refuses objects and lists where one value belongs, with a message rather than a crash', () => {
    const hostile = [Object.create(null), { toString: 1 }, ['a', 'b'], { value: 'week' }, true, 42];
    for (const value of hostile) {
      expect(() => validateInput(leaderboard, { period: value }, deps)).toThrow(DrillError);
      expect(() => validateInput(ask, { query: value }, deps)).toThrow(DrillError);
    }
  });
});
