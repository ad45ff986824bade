import { startFakeSentry } from '../electron/testing/fake-sentry';
import { E2E_SENTRY_PUBLIC_KEY } from './env';

// Run by playwright.config.ts as a web server: the fake Sentry the monitored app reports to.
const sentry = await startFakeSentry({ port: Number(process.env.FAKE_SENTRY_PORT), publicKey: E2E_SENTRY_PUBLIC_KEY });
process.stdout.write(`fake Sentry on ${sentry.port}\n`);
const stop = () => void sentry.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
