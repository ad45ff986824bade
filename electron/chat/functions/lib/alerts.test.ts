import { describe, expect, it } from 'vitest';
import { resolveLevelName } from './alerts';

describe('key level names as traders spell them', () => {
  it.each([
    ['PDH', 'PDH'],
    ['pdl', 'PDL'],
    ['prior day high', 'PDH'],
    ["Yesterday's low", 'PDL'],
    ['premarket high', 'PMH'],
    ['vwap', 'VWAP'],
    ['VWAP +1σ', 'VWAP +1σ'],
    ['vwap -2', 'VWAP −2σ'],
    ['VWAP+3 sd', 'VWAP +3σ'],
    ['R1', 'R1 (classic)'],
    ['s2', 'S2 (classic)'],
    ['pivot', 'P (classic)'],
    ['R3 camarilla', 'R3 (camarilla)'],
    ['R4 (camarilla)', 'R4 (camarilla)'],
    ['S1 fib', 'S1 (fibonacci)'],
    ['orh 15m', 'ORH 15m'],
    ['ORL 5 min', 'ORL 5m'],
    ['atr high', 'ATR high'],
    ['PMoL', 'PMoL'],
  ])('%j → %s', (spoken, name) => {
    expect(resolveLevelName(spoken)).toBe(name);
  });

  it('refuses names that are not alert levels, saying which are', () => {
    expect(() => resolveLevelName('R4')).toThrow(expect.objectContaining({ code: 'invalid_input', message: expect.stringMatching(/^"R4" is not a key level an alert can watch\. Use one of: PDH/) }));
    expect(() => resolveLevelName('HOD')).toThrow(/not a key level/);
    expect(() => resolveLevelName('ORH 10m')).toThrow(/not a key level/);
    expect(() => resolveLevelName('orl')).toThrow(/say which opening range, ORL 5m, 15m or 30m/);
  });
});
