import * as SentryElectron from '@sentry/electron/main';
import type { SentrySdk } from '../monitoring/monitoring';

/**
 * `@sentry/electron/main` for the monitoring service (only electron/platform/ and main.ts may import
 * it). It adds what the Node SDK lacks in a desktop app: native crash minidumps, renderer events over
 * IPC, Electron context, and an offline queue that sends once the network is back.
 */
export const electronSentrySdk: SentrySdk = {
  init: (options) => SentryElectron.init(options as SentryElectron.ElectronMainOptions),
  makeTransport: SentryElectron.makeElectronOfflineTransport as unknown as SentrySdk['makeTransport'],
};
