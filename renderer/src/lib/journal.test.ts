import { describe, expect, it } from 'vitest';
import { plural } from './journal';

describe('plural', () => {
  it('says one thing in the singular and any other count in the plural', () => {
    expect(plural('trade leg', 1)).toBe('trade leg');
    expect(plural('trade leg', 0)).toBe('trade legs');
    expect(plural('trade leg', 3)).toBe('trade legs');
    expect(plural('was', 2, 'were')).toBe('were');
  });
});
