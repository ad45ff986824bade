import { describe, expect, it } from 'vitest';
import { editDistance, wordMatches } from './fuzzy';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3); // the textbook example: k→s, e→i, +g
    expect(editDistance('levles', 'levels')).toBe(1); // one swap
    expect(editDistance('greks', 'greeks')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});

describe('wordMatches', () => {
  it('forgives a typo in a long enough keyword with the same first letter', () => {
    expect(wordMatches('levles', 'levels')).toBe(true);
    expect(wordMatches('optoins', 'options')).toBe(true);
    expect(wordMatches('alret', 'alert')).toBe(true);
    expect(wordMatches('perfromance', 'performance')).toBe(true);
    // One letter off is one letter off: this is why the classifier takes "chart" only as written.
    expect(wordMatches('chat', 'chart')).toBe(true);
  });

  it('never bends short words or a different first letter', () => {
    expect(wordMatches('spy', 'spx')).toBe(false);
    expect(wordMatches('ivy', 'iv')).toBe(false);
    expect(wordMatches('bevels', 'levels')).toBe(false);
    expect(wordMatches('lvls', 'levels')).toBe(false);
  });
});
