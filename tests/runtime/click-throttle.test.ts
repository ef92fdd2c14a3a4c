import { describe, expect, it } from 'vitest';
import { ClickThrottle } from '../../src/runtime/click-throttle.js';

describe('ClickThrottle', () => {
  it('allows 5 clicks in a second and refuses the 6th', () => {
    const throttle = new ClickThrottle();
    const results = [0, 100, 200, 300, 400, 500].map((t) => throttle.allow('U1', 1_000_000 + t));
    expect(results).toEqual([true, true, true, true, true, false]);
  });

  it('keeps refusing within the window', () => {
    const throttle = new ClickThrottle();
    for (let i = 0; i < 5; i++) throttle.allow('U1', 1_000_000);
    expect(throttle.allow('U1', 1_000_500)).toBe(false);
    expect(throttle.allow('U1', 1_000_999)).toBe(false);
  });

  it('allows again once the window has passed', () => {
    const throttle = new ClickThrottle();
    for (let i = 0; i < 5; i++) expect(throttle.allow('U1', 1_000_000)).toBe(true);
    expect(throttle.allow('U1', 1_000_001)).toBe(false);
    expect(throttle.allow('U1', 1_001_000)).toBe(true);
  });

  it('frees one slot per expired click (a sliding window)', () => {
    const throttle = new ClickThrottle();
    for (const t of [0, 200, 400, 600, 800]) expect(throttle.allow('U1', 1_000_000 + t)).toBe(true);
    // At +1000 only the click at +0 has left the window.
    expect(throttle.allow('U1', 1_001_000)).toBe(true);
    expect(throttle.allow('U1', 1_001_000)).toBe(false);
  });

  it('does not let refused clicks extend the block', () => {
    const throttle = new ClickThrottle();
    for (let i = 0; i < 5; i++) throttle.allow('U1', 1_000_000);
    for (let t = 1; t < 1000; t += 50) expect(throttle.allow('U1', 1_000_000 + t)).toBe(false);
    expect(throttle.allow('U1', 1_001_000)).toBe(true);
  });

  it('counts each key on its own', () => {
    const throttle = new ClickThrottle();
    for (let i = 0; i < 5; i++) throttle.allow('U1', 1_000_000);
    expect(throttle.allow('U1', 1_000_010)).toBe(false);
    for (let i = 0; i < 5; i++) expect(throttle.allow('U2', 1_000_010)).toBe(true);
    expect(throttle.allow('U2', 1_000_010)).toBe(false);
  });

  it('honours a custom limit and window', () => {
    const throttle = new ClickThrottle(2, 10_000);
    expect([throttle.allow('k', 0), throttle.allow('k', 1), throttle.allow('k', 9_000)]).toEqual([
      true,
      true,
      false,
    ]);
    expect(throttle.allow('k', 10_000)).toBe(true);
  });

  it('never refuses when unlimited', () => {
    const throttle = ClickThrottle.unlimited();
    for (let i = 0; i < 1000; i++) expect(throttle.allow('console', 1_000_000)).toBe(true);
  });
});
