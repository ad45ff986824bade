import { describe, expect, it } from 'vitest';
import type { AlertCondition } from '../../shared/schemas/alerts';
import { conditionMet, evaluateAlert, percentTarget } from './evaluate';

/** The price path of several ticks against one target: which ticks fire (the first one has no previous price). */
function firesAlong(condition: AlertCondition, target: number, path: number[]): boolean[] {
  return path.map((price, i) => conditionMet(condition, target, i === 0 ? null : path[i - 1]!, price));
}

describe('conditionMet', () => {
  it('above and below hold at or beyond the target, with no cross needed', () => {
    expect(firesAlong('above', 600, [599.99, 600, 600.5, 598])).toEqual([false, true, true, false]);
    expect(firesAlong('below', 600, [600.01, 600, 599, 601])).toEqual([false, true, true, false]);
    // Already beyond at the first observation: above/below fire at once.
    expect(firesAlong('above', 600, [605])).toEqual([true]);
  });

  it('crosses_above fires on the tick that reaches the target from below, and only then', () => {
    expect(firesAlong('crosses_above', 600, [598, 599.5, 600, 601, 602])).toEqual([false, false, true, false, false]);
  });

  it('crosses_above counts a gap over the target between two ticks (598 → 603 never printed 600)', () => {
    expect(firesAlong('crosses_above', 600, [598, 603])).toEqual([false, true]);
  });

  it('does not fire without a cross: the first observation only sets the baseline, staying on one side never fires', () => {
    expect(firesAlong('crosses_above', 600, [605, 606, 604])).toEqual([false, false, false]);
    expect(firesAlong('crosses_below', 600, [595, 590, 599])).toEqual([false, false, false]);
    expect(firesAlong('crosses', 600, [610, 601, 600.01])).toEqual([false, false, false]);
  });

  it('crosses_below fires from above to at-or-below, including a gap down', () => {
    expect(firesAlong('crosses_below', 600, [602, 600, 599])).toEqual([false, true, false]);
    expect(firesAlong('crosses_below', 600, [602, 590])).toEqual([false, true]);
    // Upward crosses are not its business.
    expect(firesAlong('crosses_below', 600, [590, 610])).toEqual([false, false]);
  });

  it('crosses fires both ways', () => {
    expect(firesAlong('crosses', 600, [598, 601, 603, 597, 596, 600])).toEqual([false, true, false, true, false, true]);
  });

  it('touching the target from a start exactly on it is no cross (the previous price must be strictly on the other side)', () => {
    expect(firesAlong('crosses_above', 600, [600, 601])).toEqual([false, false]);
    expect(firesAlong('crosses_below', 600, [600, 599])).toEqual([false, false]);
  });

  it('percent moves compare with their moved target like above / below', () => {
    expect(firesAlong('pct_move_up', 510, [505, 509.99, 510])).toEqual([false, false, true]);
    expect(firesAlong('pct_move_down', 5820, [5900, 5820.01, 5819])).toEqual([false, false, true]);
  });
});

describe('percentTarget', () => {
  it('is the reference moved by the percent (hand arithmetic)', () => {
    // 500 × 1.02 = 510; the order of operations keeps it exact (500 × 102 / 100).
    expect(percentTarget('pct_move_up', 500, 2)).toBe(510);
    // 6000 × (1 − 0.03) = 6000 − 180 = 5820.
    expect(percentTarget('pct_move_down', 6000, 3)).toBe(5820);
    // 412.37 × 1.005 = 412.37 + 2.06185 = 414.43185.
    expect(percentTarget('pct_move_up', 412.37, 0.5)).toBeCloseTo(414.43185, 10);
  });
});

describe('evaluateAlert', () => {
  const base = { condition: 'crosses_above' as const, targetPrice: 600, lastPrice: 599, rearmAt: null };
  const now = Date.parse('2026-12-01T15:00:00Z');

  it('fires on the condition', () => {
    expect(evaluateAlert(base, 600.5, now)).toBe(true);
    expect(evaluateAlert(base, 599.5, now)).toBe(false);
  });

  it('waits while a key level has no price yet', () => {
    expect(evaluateAlert({ ...base, targetPrice: null }, 650, now)).toBe(false);
  });

  it('does not fire while cooling down, and fires again from the re-arm instant on', () => {
    expect(evaluateAlert({ ...base, rearmAt: now + 1 }, 600.5, now)).toBe(false);
    expect(evaluateAlert({ ...base, rearmAt: now }, 600.5, now)).toBe(true);
  });
});
