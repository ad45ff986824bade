// Child process of unhandled.test.ts: a web-mode host with SENTRY_DSN (argv[2]) and data folder
// (argv[3]) whose process then meets an unhandled rejection and, a moment later, an uncaught exception.
import { createHost } from '../host';

createHost({ mode: 'web', version: '0.0.0-test', env: { TITM_DATA_DIR: process.argv[3], SENTRY_DSN: process.argv[2], NODE_ENV: 'test' }, logSink: () => {} });
void Promise.reject(new Error('unhandled rejection in main'));
setTimeout(() => {
  throw new Error('uncaught exception in main');
}, 200);
// Keeps the process alive until the SDK's handler exits it.
setInterval(() => {}, 1000);
