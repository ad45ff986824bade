import { z } from 'zod';

/** The local API route the renderer's Sentry SDK posts envelopes to in web mode (Sentry's `tunnel`). */
export const MONITORING_TUNNEL_PATH = '/api/monitoring/envelope';

/**
 * The DSN the renderer's SDK is given in web mode. It only switches the SDK on: envelopes go to the
 * tunnel, whose host forwards them to the real DSN, so the page never learns the DSN's key.
 */
export const RENDERER_PLACEHOLDER_DSN = 'http://renderer@localhost/0';

/** What the renderer needs to set up error monitoring; never the DSN itself. */
export const MonitoringConfigSchema = z.object({
  enabled: z.boolean(),
  environment: z.string(),
  release: z.string(),
  tracesSampleRate: z.number().min(0).max(1),
  /** The random id of this installation (Sentry's user id), null when monitoring is off. */
  installId: z.string().nullable(),
  /** Outside production builds: the "raise a test error" tools of the System tab. */
  testTools: z.boolean(),
});
export type MonitoringConfig = z.infer<typeof MonitoringConfigSchema>;
