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

  it('stopAll aborts every stream and resolves only when each handler has closed its stream', async () => {
    const registry = new StreamRegistry();
    const a = registry.open('a');
    const b = registry.open('b');
    const done = registry.open('done');
    done.close();
    let stopped = false;
    const stopping = registry.stopAll().then(() => (stopped = true));
    expect([a.signal.aborted, b.signal.aborted]).toEqual([true, true]);
    a.close();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(stopped).toBe(false);
    b.close();
    await stopping;
    expect(stopped).toBe(true);
    expect(registry.size).toBe(0);
  });
});
