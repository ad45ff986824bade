import { describe, expect, it } from 'vitest';
import { StreamRegistry } from './stream-registry';

describe('StreamRegistry', () => {
  it('cancels one stream by id, once, and refuses an id already running', () => {
    const registry = new StreamRegistry();
    const a = registry.open('a');
    expect(() => registry.open('a')).toThrow(/already running/);
    expect(registry.cancel('a')).toBe(true);
    expect(a.signal.aborted).toBe(true);
    expect(registry.cancel('a')).toBe(false);
    expect(registry.cancel('unknown')).toBe(false);
    a.close();
    expect(registry.size).toBe(0);
  });

  it('cancelAll aborts every running stream (the host quitting)', () => {
    const registry = new StreamRegistry();
    const a = registry.open('a');
    const b = registry.open('b');
    registry.cancelAll();
    expect([a.signal.aborted, b.signal.aborted]).toEqual([true, true]);
    expect(registry.size).toBe(0);
    expect(registry.cancel('a')).toBe(false);
  });
});
