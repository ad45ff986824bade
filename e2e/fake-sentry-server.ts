import { startFakeSentry } from '../electron/testing/fake-sentry';
import { E2E_FAILING_MASSIVE_PATH, E2E_SENTRY_PUBLIC_KEY } from './env';

// Run by playwright.config.ts as a web server: the fake Sentry the monitored app reports to, and on
// the same port a Massive.com that answers every request with a 500 (to open the app's breaker).
const sentry = await startFakeSentry({
  port: Number(process.env.FAKE_SENTRY_PORT),
  publicKey: E2E_SENTRY_PUBLIC_KEY,
  otherRequests: (req, res) => {
    if (!req.url?.startsWith(`${E2E_FAILING_MASSIVE_PATH}/`)) return void res.writeHead(404).end();
    // Echoes the key it was given, as careless APIs do: the app must scrub it from its reports.
    const key = req.headers.authorization?.replace(/^Bearer /, '');
    res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ERROR', request_id: 'e2e', message: `upstream refused key ${key}` }));
  },
});
process.stdout.write(`fake Sentry on ${sentry.port}\n`);
const stop = () => void sentry.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
