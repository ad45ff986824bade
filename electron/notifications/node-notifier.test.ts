import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../observability/logger';
import { FAKE_NOTIFY_SEND_LOG_VAR, pathWithFakeNotifySend, readNotifySendCalls } from '../testing/fake-notify-send';
import { makeTempDir } from '../testing/test-host';
import { NodeNotifier, platformBackend, type NotifierBackend } from './node-notifier';

/** PATH as the test started (the fake notify-send runs node from it). */
const SYSTEM_PATH = process.env.PATH;
const notification = { id: 'n-1', title: 'SPY crossed above 600.00', body: 'Last 600.12 · note: "breakout"', alertId: 'a-1' };

function recordingLogger() {
  const lines: { level: string; msg: string; reason?: string }[] = [];
  const logger = createLogger({ level: 'debug', console: false, sink: (line) => lines.push(JSON.parse(line) as (typeof lines)[number]) });
  return { logger, lines };
}

let dir: string;
beforeEach(() => {
  dir = makeTempDir('titm-notifier-');
});
afterEach(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

// The real node-notifier and its Linux backend, with a fake notify-send first on PATH that records
// its arguments: what a desktop's libnotify would be asked to show.
describe.runIf(process.platform === 'linux')('NodeNotifier with notify-send', () => {
  it('hands title and body to notify-send, quotes and all', async () => {
    const log = path.join(dir, 'calls.log');
    vi.stubEnv('PATH', pathWithFakeNotifySend(SYSTEM_PATH));
    vi.stubEnv(FAKE_NOTIFY_SEND_LOG_VAR, log);
    const { logger, lines } = recordingLogger();
    const notifier = new NodeNotifier({ logger });

    await expect(notifier.show(notification, () => {})).resolves.toBeUndefined();
    await notifier.show({ ...notification, id: 'n-2', title: 'QQQ below 500.00' }, () => {});

    // wait: true asks notify-send for a 5 s popup (node-notifier passes milliseconds).
    expect(readNotifySendCalls(log)).toEqual([
      ['SPY crossed above 600.00', 'Last 600.12 · note: "breakout"', '--expire-time', '5000'],
      ['QQQ below 500.00', 'Last 600.12 · note: "breakout"', '--expire-time', '5000'],
    ]);
    expect(lines.filter((l) => l.level === 'warn')).toEqual([]);
  });

  it('fails soft when the OS has no notify-send: resolves, warns once with the reason', async () => {
    const empty = path.join(dir, 'empty-bin');
    fs.mkdirSync(empty);
    vi.stubEnv('PATH', empty);
    const { logger, lines } = recordingLogger();
    const notifier = new NodeNotifier({ logger });
    const onClick = vi.fn();

    await expect(notifier.show(notification, onClick)).resolves.toBeUndefined();
    await expect(notifier.show({ ...notification, id: 'n-2' }, onClick)).resolves.toBeUndefined();

    const warnings = lines.filter((l) => l.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toBe('native notifications unavailable; alerts show in the app only');
    expect(warnings[0]!.reason).toMatch(/notify-send/);
    expect(lines.filter((l) => l.level === 'debug' && l.msg === 'native notification not shown')).toHaveLength(1);
    expect(onClick).not.toHaveBeenCalled();
  });

  it('finds a notify-send installed after a failure (no cached "missing")', async () => {
    const log = path.join(dir, 'calls.log');
    vi.stubEnv('PATH', path.join(dir, 'nothing-here'));
    vi.stubEnv(FAKE_NOTIFY_SEND_LOG_VAR, log);
    const notifier = new NodeNotifier({ logger: recordingLogger().logger });
    await notifier.show(notification, () => {});
    expect(readNotifySendCalls(log)).toEqual([]);

    vi.stubEnv('PATH', pathWithFakeNotifySend(SYSTEM_PATH));
    await notifier.show(notification, () => {});
    expect(readNotifySendCalls(log)).toHaveLength(1);
  });
});

/** A backend answering each notify with the next scripted (error, response). */
function scriptedBackend(...answers: [Error | string | null, string | undefined][]): NotifierBackend & { asked: unknown[] } {
  const asked: unknown[] = [];
  return {
    asked,
    notify(options, callback) {
      asked.push(options);
      const [error, response] = answers.shift() ?? [null, undefined];
      setImmediate(() => callback(error, response));
    },
  };
}

describe('NodeNotifier answers', () => {
  it('asks the backend to wait for the user, and reports a click (macOS "activate", Windows "clicked")', async () => {
    const backend = scriptedBackend([null, 'activate'], [null, 'Clicked\n'], [null, 'timeout'], ['', '']);
    const notifier = new NodeNotifier({ logger: recordingLogger().logger, backend });
    const onClick = vi.fn();
    for (let i = 0; i < 4; i++) await notifier.show({ ...notification, id: `n-${i}` }, () => onClick(i));
    expect(onClick.mock.calls).toEqual([[0], [1]]);
    expect(backend.asked[0]).toEqual({ title: notification.title, message: notification.body, wait: true });
  });

  it('never throws: a backend that throws, or a click handler that throws, is logged', async () => {
    const { logger, lines } = recordingLogger();
    const throwing: NotifierBackend = {
      notify() {
        throw new Error('spawn EACCES');
      },
    };
    await expect(new NodeNotifier({ logger, backend: throwing }).show(notification, () => {})).resolves.toBeUndefined();
    expect(lines).toMatchObject([{ level: 'warn', reason: 'spawn EACCES' }]);

    const clicked = new NodeNotifier({ logger, backend: scriptedBackend([null, 'activate']) });
    await expect(
      clicked.show(notification, () => {
        throw new Error('focus failed');
      }),
    ).resolves.toBeUndefined();
    expect(lines.at(-1)).toMatchObject({ level: 'error', msg: 'native notification click handler failed' });
  });

  it('picks the platform notifier node-notifier would', () => {
    expect(platformBackend('linux').constructor.name).toBe('NotifySend');
    expect(platformBackend('darwin').constructor.name).toBe('NotificationCenter');
    expect(platformBackend('win32').constructor.name).toBe('WindowsToaster');
  });
});
