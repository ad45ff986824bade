import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The web-mode server the browser tests run against: a fixed port and token, and a fresh data
 * folder per run. The folder is made once by the runner and passed to workers through the
 * environment (the config file is evaluated again in every worker).
 */
export const E2E_PORT = Number(process.env.TITM_E2E_PORT ?? 47311);
export const E2E_TOKEN = 'e2e-token-0123456789abcdefghijkl';
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

process.env.TITM_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'titm-e2e-'));
export const E2E_DATA_DIR = process.env.TITM_E2E_DATA_DIR;

/**
 * The first server has the fake notify-send (electron/testing/fake-notify-send) first on its PATH,
 * so web mode's real node-notifier runs on machines with no desktop; the fake appends each call here.
 */
export const E2E_NOTIFY_SEND_LOG = path.join(E2E_DATA_DIR, 'notify-send-calls.jsonl');
/** The alert worker's tick on the first server: at every hour, market open or not, so an alert fires within a second. */
export const E2E_ALERT_TICK_MS = 500;

/**
 * Error monitoring runs against a second web-mode server with SENTRY_DSN pointing at a fake Sentry
 * (`e2e/fake-sentry-server.ts`), on the next ports; the first server runs without a DSN.
 */
export const E2E_SENTRY_PORT = E2E_PORT + 1;
export const E2E_SENTRY_URL = `http://127.0.0.1:${E2E_SENTRY_PORT}`;
export const E2E_SENTRY_PUBLIC_KEY = 'e2esentrypublickey0123';
export const E2E_SENTRY_DSN = `http://${E2E_SENTRY_PUBLIC_KEY}@127.0.0.1:${E2E_SENTRY_PORT}/1`;
export const E2E_MONITORED_PORT = E2E_PORT + 2;
export const E2E_MONITORED_URL = `http://127.0.0.1:${E2E_MONITORED_PORT}`;
/** A made-up API key in the monitored server's environment: it must never reach Sentry. */
export const E2E_PLANTED_KEY = 'sk-e2e-planted-0123456789abcdef';
/**
 * Massive.com answering 500 to everything, served by the fake Sentry's process. Both servers have it
 * as MASSIVE_BASE_URL; it is only called once a test saves a Massive key in the Profile tab.
 */
export const E2E_FAILING_MASSIVE_PATH = '/massive';
export const E2E_FAILING_MASSIVE_URL = `${E2E_SENTRY_URL}${E2E_FAILING_MASSIVE_PATH}`;

process.env.TITM_E2E_MONITORED_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'titm-e2e-monitored-'));
export const E2E_MONITORED_DATA_DIR = process.env.TITM_E2E_MONITORED_DATA_DIR;
