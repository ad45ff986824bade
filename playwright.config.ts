import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './electron/testing/chromium';
import { FAKE_NOTIFY_SEND_LOG_VAR, pathWithFakeNotifySend } from './electron/testing/fake-notify-send';
import {
  E2E_ALERT_TICK_MS,
  E2E_BASE_URL,
  E2E_DATA_DIR,
  E2E_FAILING_MASSIVE_URL,
  E2E_MONITORED_DATA_DIR,
  E2E_MONITORED_PORT,
  E2E_MONITORED_URL,
  E2E_NOTIFY_SEND_LOG,
  E2E_PLANTED_KEY,
  E2E_PORT,
  E2E_SENTRY_DSN,
  E2E_SENTRY_PORT,
  E2E_SENTRY_URL,
  E2E_TOKEN,
} from './e2e/env';

const serverEnv = {
  TITM_TOKEN: E2E_TOKEN,
  TITM_NO_OPEN: '1',
  // Outputs and event payloads are checked against the contract while the browser tests run.
  NODE_ENV: 'test',
  MASSIVE_BASE_URL: E2E_FAILING_MASSIVE_URL,
  // The offline coach's words 15 ms apart: the chat spec watches tokens arrive and stops an answer midway.
  OFFLINE_COACH_PACE_MS: '15',
};

// Debian's Chromium against web mode (the renderer served by the local API). The Electron shell
// runs the same renderer; its own specs launch it through `_electron` where the binary exists.
export default defineConfig({
  testDir: 'e2e',
  globalTeardown: './e2e/global-teardown.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: E2E_BASE_URL,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        launchOptions: CHROMIUM_LAUNCH,
      },
    },
  ],
  webServer: [
    {
      // A Sentry envelope receiver; the specs read what it got at GET /received.
      command: 'node --import tsx e2e/fake-sentry-server.ts',
      url: `${E2E_SENTRY_URL}/received`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { FAKE_SENTRY_PORT: String(E2E_SENTRY_PORT) },
    },
    {
      // The app as it ships by default: no SENTRY_DSN.
      command: 'node scripts/start.mjs --serve',
      url: `${E2E_BASE_URL}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        ...serverEnv,
        TITM_PORT: String(E2E_PORT),
        TITM_DATA_DIR: E2E_DATA_DIR,
        // Alerts fire within a tick whatever the hour, and their native popups go to the fake notify-send.
        ALERT_TICK_MS: String(E2E_ALERT_TICK_MS),
        // Scan schedules run at any hour too: a new enabled schedule runs at once.
        SCANNER_ALL_HOURS: '1',
        PATH: pathWithFakeNotifySend(),
        [FAKE_NOTIFY_SEND_LOG_VAR]: E2E_NOTIFY_SEND_LOG,
      },
    },
    {
      // The same app with error monitoring on, reporting to the fake Sentry.
      command: 'node scripts/start.mjs --serve',
      url: `${E2E_MONITORED_URL}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        ...serverEnv,
        TITM_PORT: String(E2E_MONITORED_PORT),
        TITM_DATA_DIR: E2E_MONITORED_DATA_DIR,
        SENTRY_DSN: E2E_SENTRY_DSN,
        SENTRY_ENVIRONMENT: 'e2e',
        OPENAI_API_KEY: E2E_PLANTED_KEY,
      },
    },
  ],
});
