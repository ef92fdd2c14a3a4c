import { describe, expect, it } from 'vitest';
import { accuracy } from '../../src/use-cases/shared/recap.js';

describe('accuracy', () => {
  it('is 0 with no attempts', () => {
    expect(accuracy({ nailed: 0, partly: 0, missed: 0 })).toBe(0);
  });

  it('counts Nailed it as 1', () => {
    expect(accuracy({ nailed: 4, partly: 0, missed: 0 })).toBe(1);
  });

  it('counts Partly as one half', () => {
    expect(accuracy({ nailed: 0, partly: 2, missed: 0 })).toBe(0.5);
  });

  it('counts Missed as 0', () => {
    expect(accuracy({ nailed: 0, partly: 0, missed: 3 })).toBe(0);
  });

  it('mixes the three grades', () => {
    expect(accuracy({ nailed: 1, partly: 1, missed: 2 })).toBe(0.375);
    expect(accuracy({ nailed: 3, partly: 2, missed: 1 })).toBeCloseTo(4 / 6, 10);
  });
});
