import * as Sentry from '@sentry/react';
import type { CoachApi } from '../../../shared/client';
import { createScrubber, type Scrubber } from '../../../shared/scrub';
import { MONITORING_TUNNEL_PATH, RENDERER_PLACEHOLDER_DSN, type MonitoringConfig } from '../../../shared/schemas/monitoring';

/** The scrubbing hooks of both SDK set-ups: nothing secret leaves the page, whatever the transport. */
function scrubbingHooks(scrubber: Scrubber) {
  return {
    sendDefaultPii: false,
    beforeSend: <T>(event: T) => scrubber.value(event),
    beforeSendTransaction: <T>(event: T) => scrubber.value(event),
    beforeBreadcrumb: <T>(breadcrumb: T) => scrubber.value(breadcrumb),
  };
}

/**
 * Starts the renderer's error monitoring when the main process says it is on.
 *
 * Desktop: `@sentry/electron/renderer` hands events to the main process over its IPC (the main SDK
 * scrubs and sends them). Web mode: the browser SDK posts envelopes to the local API's tunnel with
 * the bearer token; the host scrubs again and forwards them to the DSN, so the page needs no CSP
 * exception for Sentry's host and never learns the DSN (it gets a placeholder that only turns the
 * SDK on). `token` is the page's API token: scrubbed from everything like the host's secrets.
 */
export async function startRendererMonitoring(api: CoachApi, token: string | undefined): Promise<MonitoringConfig | undefined> {
  let config: MonitoringConfig;
  try {
    config = await api.call('monitoring:config', {});
  } catch {
    return undefined; // the page shows its own error for an unreachable app; monitoring stays off
  }
  if (!config.enabled) return config;
  const hooks = scrubbingHooks(createScrubber(token ? [token] : []));
  const tracing = config.tracesSampleRate > 0 ? [Sentry.browserTracingIntegration()] : [];

  if (api.transport === 'ipc') {
    const { init } = await import('@sentry/electron/renderer');
    init({ ...hooks, tracesSampleRate: config.tracesSampleRate, integrations: tracing }, Sentry.init);
  } else {
    Sentry.init({
      ...hooks,
      dsn: RENDERER_PLACEHOLDER_DSN,
      tunnel: MONITORING_TUNNEL_PATH,
      transportOptions: { headers: { authorization: `Bearer ${token ?? ''}` } },
      environment: config.environment,
      release: config.release,
      tracesSampleRate: config.tracesSampleRate,
      integrations: tracing,
      // As in the main process: errors are sent, counts of dropped transactions are not.
      sendClientReports: false,
    });
  }
  if (config.installId) Sentry.setUser({ id: config.installId });
  return config;
}
