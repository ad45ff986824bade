import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHost, type Host } from './host';
import { NodeNotifier } from './notifications/node-notifier';
import { forwardingLogger } from './observability/logger';
import { startApiServer } from './server';
import { openBrowser } from './web/open-browser';

/**
 * Web mode: the host and the local API serving the built renderer, for machines without the
 * Electron binary, for scripts and for the browser tests. Run from the bundle in out/host/.
 */
async function main(): Promise<void> {
  const made: { host?: Host } = {};
  // Alerts pop up through the OS notifier (notify-send, Notification Center, toasts) where there is one.
  const notifier = new NodeNotifier({ logger: forwardingLogger(() => made.host?.logger) });
  const host = (made.host = createHost({ mode: 'web', version: __APP_VERSION__, notifier }));
  const { config, logger } = host;
  host.start();
  const server = await startApiServer({
    host: config.TITM_HOST,
    port: config.TITM_PORT,
    token: config.TITM_TOKEN,
    dispatch: host.dispatch,
    streams: host.streams,
    events: host.events,
    health: host.health,
    monitoring: host.monitoring,
    logger,
    staticDir: path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'renderer'),
    rateLimit: { perSecond: config.TITM_RATE_LIMIT_PER_SEC, burst: config.TITM_RATE_LIMIT_BURST },
  });

  const url = `${server.url}/#token=${server.token}`;
  process.stdout.write(`TITM AI Coach ready: ${url}\n`);
  if (!config.TITM_NO_OPEN && !openBrowser(url)) {
    process.stdout.write('No browser found to open; paste the address above into one.\n');
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    await server.close();
    await host.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`TITM AI Coach failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
