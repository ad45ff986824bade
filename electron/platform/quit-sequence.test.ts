import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../observability/logger';
import { createQuitSequence, type QuitStep } from './quit-sequence';

function quitEvent() {
  return { preventDefault: vi.fn() };
}

/** Resolves once `exit` has been called, with its code. */
function exitSpy() {
  let resolve!: (code: number) => void;
  const exited = new Promise<number>((r) => (resolve = r));
  const exit = vi.fn((code: number) => resolve(code));
  return { exit, exited };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createQuitSequence', () => {
  it('holds the quit back, runs the steps in order, then exits with 0', async () => {
    const order: string[] = [];
    const { exit, exited } = exitSpy();
    const steps: QuitStep[] = [
      { name: 'save', run: () => void order.push('save') },
      {
        name: 'drain',
        run: async () => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          order.push('drain');
        },
      },
      { name: 'close', run: () => void order.push('close') },
    ];
    const quit = createQuitSequence({ steps, exit, logger: silentLogger });
    const event = quitEvent();
    quit.onBeforeQuit(event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(quit.quitting).toBe(true);
    expect(exit).not.toHaveBeenCalled(); // not before the slow step is done
    expect(await exited).toBe(0);
    expect(order).toEqual(['save', 'drain', 'close']);
  });

  it('absorbs quit requests made while shutting down (a second Cmd+Q, the tray menu)', async () => {
    const run = vi.fn(() => new Promise<void>((resolve) => setTimeout(resolve, 10)));
    const { exit, exited } = exitSpy();
    const quit = createQuitSequence({ steps: [{ name: 'stop', run }], exit, logger: silentLogger });
    quit.onBeforeQuit(quitEvent());
    const again = quitEvent();
    quit.onBeforeQuit(again);
    expect(again.preventDefault).toHaveBeenCalled();
    await exited;
    expect(run).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledTimes(1);
  });

  it('runs the later steps when one fails, logs it and exits with 1', async () => {
    const errors: unknown[] = [];
    const logger = { ...silentLogger, error: (msg: string, fields?: Record<string, unknown>) => errors.push({ msg, ...fields }) };
    const closeDb = vi.fn();
    const { exit, exited } = exitSpy();
    const quit = createQuitSequence({
      steps: [
        { name: 'close local API', run: () => Promise.reject(new Error('socket hang')) },
        { name: 'stop host', run: closeDb },
      ],
      exit,
      logger,
    });
    quit.onBeforeQuit(quitEvent());
    expect(await exited).toBe(1);
    expect(closeDb).toHaveBeenCalled();
    expect(errors).toMatchObject([{ msg: 'quit step failed', step: 'close local API' }]);
  });

  it('exits anyway when a step hangs past the time limit', async () => {
    vi.useFakeTimers();
    const { exit } = exitSpy();
    const quit = createQuitSequence({ steps: [{ name: 'stuck worker', run: () => new Promise<void>(() => {}) }], exit, logger: silentLogger, timeoutMs: 1_000 });
    quit.onBeforeQuit(quitEvent());
    await vi.advanceTimersByTimeAsync(999);
    expect(exit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(exit).toHaveBeenCalledWith(1);
  });
});
