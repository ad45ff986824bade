import { z } from 'zod';

export const EmptyInput = z.object({}).strict();

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  mode: z.enum(['electron', 'web']),
  dataDir: z.string(),
  platform: z.string(),
  startedAt: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const HealthStatusSchema = z.enum(['ok', 'degraded', 'down']);
export type HealthStatus = z.infer<typeof HealthStatusSchema>;

export const HealthCheckSchema = z.object({
  name: z.string(),
  status: HealthStatusSchema,
  /** A critical check that is down makes the whole app not ready. */
  critical: z.boolean(),
  detail: z.string().optional(),
  /** Extra facts a check reports (a worker's last tick, items watched...), never private data. */
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  durationMs: z.number(),
});
export type HealthCheck = z.infer<typeof HealthCheckSchema>;

export const HealthReportSchema = z.object({
  ready: z.boolean(),
  checkedAt: z.string(),
  checks: z.array(HealthCheckSchema),
});
export type HealthReport = z.infer<typeof HealthReportSchema>;
