import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dispatch } from '../contract/dispatcher';
import { createHost, type Host } from '../host';
import { makeTempDir } from '../testing/test-host';
import type { Rect } from './window-state';
import { createWindowStateSaver, readSavedWindowBounds, type BoundsSource } from './window-state-store';

function fakeWindow(bounds: Rect, maximized = false) {
  const state = { bounds, maximized, destroyed: false };
  const window: BoundsSource = {
    getNormalBounds: () => state.bounds,
    isMaximized: () => state.maximized,
    isDestroyed: () => state.destroyed,
  };
  return { window, state };
}

let host: Host;
let dataDir: string;
let logs: Record<string, unknown>[];

beforeEach(() => {
  dataDir = makeTempDir();
  logs = [];
  host = createHost({
    mode: 'electron',
    version: '0.0.0-test',
    env: { TITM_DATA_DIR: dataDir, NODE_ENV: 'test', TITM_LOG_LEVEL: 'debug' },
    logSink: (line) => logs.push(JSON.parse(line) as Record<string, unknown>),
  });
});

afterEach(async () => {
  vi.useRealTimers();
  await host.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('readSavedWindowBounds', () => {
  it('is undefined before anything was saved', async () => {
    expect(await readSavedWindowBounds(host.dispatch, host.logger)).toBeUndefined();
  });

  it('reads what the saver stored, through the contract', async () => {
    const { window } = fakeWindow({ x: 10, y: 20, width: 1000, height: 700 }, true);
    await createWindowStateSaver({ window, dispatch: host.dispatch, logger: host.logger }).flush();
    expect(await readSavedWindowBounds(host.dispatch, host.logger)).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: true });
  });

  it('is undefined (and logs why) when the settings cannot be read', async () => {
    const failing: Dispatch = async () => ({ ok: false, error: { code: 'internal', message: 'disk gone' } });
    expect(await readSavedWindowBounds(failing, host.logger)).toBeUndefined();
    expect(logs.some((l) => l.msg === 'window bounds not restored: settings unreadable')).toBe(true);
  });
});

describe('createWindowStateSaver', () => {
  it('writes once after a burst of moves, with the last bounds', async () => {
    vi.useFakeTimers();
    const dispatch = vi.fn(host.dispatch);
    const { window, state } = fakeWindow({ x: 0, y: 0, width: 900, height: 600 });
    const saver = createWindowStateSaver({ window, dispatch, logger: host.logger, delayMs: 300 });
    for (let x = 0; x < 50; x += 5) {
      state.bounds = { ...state.bounds, x };
      saver.schedule();
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(dispatch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(300);
    expect(dispatch).toHaveBeenCalledTimes(1);
    expect(dispatch.mock.calls[0]![1]).toEqual({ key: 'window.bounds', value: { x: 45, y: 0, width: 900, height: 600, maximized: false } });
  });

  it('skips the write when the bounds did not change', async () => {
    const dispatch = vi.fn(host.dispatch);
    const initial = { x: 5, y: 5, width: 900, height: 600, maximized: false };
    const { window } = fakeWindow({ x: 5, y: 5, width: 900, height: 600 });
    const saver = createWindowStateSaver({ window, dispatch, logger: host.logger, initial });
    await saver.flush();
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('tells listeners through the settings:changed event', async () => {
    const seen: unknown[] = [];
    host.events.subscribe((name, payload) => seen.push({ name, payload }));
    const { window } = fakeWindow({ x: 1, y: 2, width: 900, height: 600 });
    await createWindowStateSaver({ window, dispatch: host.dispatch, logger: host.logger }).flush();
    expect(seen).toEqual([{ name: 'settings:changed', payload: { key: 'window.bounds', value: { x: 1, y: 2, width: 900, height: 600, maximized: false } } }]);
  });

  it('writes nothing after dispose or once the window is destroyed', async () => {
    vi.useFakeTimers();
    const dispatch = vi.fn(host.dispatch);
    const { window, state } = fakeWindow({ x: 0, y: 0, width: 900, height: 600 });
    const saver = createWindowStateSaver({ window, dispatch, logger: host.logger, delayMs: 100 });
    saver.schedule();
    saver.dispose();
    await vi.advanceTimersByTimeAsync(500);
    await saver.flush();

    const other = createWindowStateSaver({ window, dispatch, logger: host.logger });
    state.destroyed = true;
    await other.flush();
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('logs a rejected write instead of throwing', async () => {
    const failing: Dispatch = async () => ({ ok: false, error: { code: 'internal', message: 'database is closed' } });
    const { window } = fakeWindow({ x: 0, y: 0, width: 900, height: 600 });
    await createWindowStateSaver({ window, dispatch: failing, logger: host.logger }).flush();
    expect(logs.find((l) => l.msg === 'window bounds not saved')).toMatchObject({ message: 'database is closed' });
  });
});
