import fs from 'node:fs';
import path from 'node:path';

/**
 * The folder holding the fake `notify-send` (an executable script): first on PATH, it takes the
 * place of libnotify's, so the real node-notifier runs end to end on machines with no desktop.
 */
export const FAKE_NOTIFY_SEND_DIR = path.join(import.meta.dirname, 'fake-notify-send');

/** The environment variable naming the file the fake appends its calls to. */
export const FAKE_NOTIFY_SEND_LOG_VAR = 'FAKE_NOTIFY_SEND_LOG';

/** PATH with the fake first. */
export function pathWithFakeNotifySend(currentPath = process.env.PATH ?? ''): string {
  return [FAKE_NOTIFY_SEND_DIR, currentPath].filter(Boolean).join(path.delimiter);
}

/** Every call the fake recorded in `logFile`, each as its argument list; none when the file is missing. */
export function readNotifySendCalls(logFile: string): string[][] {
  if (!fs.existsSync(logFile)) return [];
  return fs
    .readFileSync(logFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as string[]);
}
