import { z } from 'zod';
import { NotificationSchema } from './notifications';
import { withRules, type RuleIssue } from './rules';

/**
 * Price alerts (table `ai_coach_alerts`). A watch on one symbol: a price condition against a target
 * price, a key level by name (resolved each session by the levels engine), or a percent move from a
 * reference price. The worker in the main process evaluates active alerts on a market-hours cadence.
 */

/**
 * - `above` / `below`: the price is at or above / at or below the target (no cross needed).
 * - `crosses_above` / `crosses_below` / `crosses`: the price moved across the target between two
 *   observations (a gap across counts); the first observation only sets the baseline.
 * - `pct_move_up` / `pct_move_down`: the price is `percent` % above / below the reference price.
 */
export const ALERT_CONDITIONS = ['above', 'below', 'crosses_above', 'crosses_below', 'crosses', 'pct_move_up', 'pct_move_down'] as const;
export const AlertConditionSchema = z.enum(ALERT_CONDITIONS, { error: `Condition must be one of ${ALERT_CONDITIONS.join(', ')}` });
export type AlertCondition = z.infer<typeof AlertConditionSchema>;

export const PCT_CONDITIONS = ['pct_move_up', 'pct_move_down'] as const satisfies readonly AlertCondition[];
export const CROSSING_CONDITIONS = ['crosses_above', 'crosses_below', 'crosses'] as const satisfies readonly AlertCondition[];
export const isPctCondition = (c: AlertCondition): boolean => (PCT_CONDITIONS as readonly string[]).includes(c);
export const isCrossingCondition = (c: AlertCondition): boolean => (CROSSING_CONDITIONS as readonly string[]).includes(c);

/** `once`: the alert is done after it fires. `every_time`: it re-arms after `cooldownSeconds`. */
export const TriggerModeSchema = z.enum(['once', 'every_time'], { error: 'Trigger mode must be once or every_time' });
export type TriggerMode = z.infer<typeof TriggerModeSchema>;

export const ALERT_STATUSES = ['active', 'triggered', 'cancelled', 'expired'] as const;
export const AlertStatusSchema = z.enum(ALERT_STATUSES, { error: `Status must be one of ${ALERT_STATUSES.join(', ')}` });
export type AlertStatus = z.infer<typeof AlertStatusSchema>;

const PIVOT_LADDERS = {
  classic: ['P', 'R1', 'R2', 'R3', 'S1', 'S2', 'S3'],
  fibonacci: ['P', 'R1', 'R2', 'R3', 'S1', 'S2', 'S3'],
  camarilla: ['R1', 'R2', 'R3', 'R4', 'S1', 'S2', 'S3', 'S4'],
  woodie: ['P', 'R1', 'R2', 'R3', 'S1', 'S2', 'S3'],
} as const;

/**
 * The key levels an alert can watch, spelled as the levels engine (`levels:get`) names them. Left
 * out: HOD/LOD (they move with the price, so the price never crosses them) and the implied move
 * (it needs an implied volatility the alert does not have).
 */
export const ALERT_LEVEL_NAMES: readonly string[] = [
  'PDH', 'PDL', 'PDC',
  ...Object.entries(PIVOT_LADDERS).flatMap(([method, names]) => names.map((name) => `${name} (${method})`)),
  'PMH', 'PML', 'Open',
  ...[5, 15, 30].flatMap((minutes) => [`ORH ${minutes}m`, `ORL ${minutes}m`]),
  'VWAP',
  ...[1, 2, 3].flatMap((k) => [`VWAP +${k}σ`, `VWAP −${k}σ`]),
  'ATR high', 'ATR low',
  'PWH', 'PWL', 'PMoH', 'PMoL',
];
const LEVEL_NAME_SET = new Set(ALERT_LEVEL_NAMES);

/** A key level's name; an ASCII minus in the VWAP bands ("VWAP -1σ") is read as the engine's "−". */
export const AlertLevelNameSchema = z
  .string({ error: 'Key level must be a level name such as PDH' })
  .trim()
  .transform((name) => name.replace(/^VWAP -/, 'VWAP −'))
  .refine((name) => LEVEL_NAME_SET.has(name), {
    error: (issue) => `Unknown key level "${String(issue.input)}": use a name from the levels list, e.g. PDH, PDL, PMH, PML, ORH 5m, ORL 15m, VWAP, R1 (classic), PWH`,
  });

/** A ticker as for `market:*` calls; whether the market knows it is checked when the alert is saved. */
const AlertSymbolSchema = z
  .string({ error: 'Symbol is required' })
  .trim()
  .toUpperCase()
  .transform((s) => s.replace(/^I:/, ''))
  .pipe(z.string().regex(/^[A-Z][A-Z0-9.-]{0,9}$/, 'Symbol must be 1–10 letters, digits, "." or "-", starting with a letter (e.g. SPY, SPX, BRK.B)'));

const positivePrice = (label: string) =>
  z.number({ error: `${label} must be a number` }).positive(`${label} must be above 0`).max(1e7, `${label} must be at most 10,000,000`);

/** Cooldown of an `every_time` alert: 15 minutes unless given. */
export const DEFAULT_COOLDOWN_SECONDS = 900;
export const MAX_COOLDOWN_SECONDS = 7 * 24 * 3600;

/** The fields a user gives; no defaults here so that the update schema stays partial. */
const AlertFields = z.object({
  symbol: AlertSymbolSchema,
  condition: AlertConditionSchema,
  /** Price for above/below/crossing conditions; absent for key-level and percent alerts. */
  targetPrice: positivePrice('Target price').nullable(),
  /** A key level by name instead of a fixed target price (above/below/crossing conditions only). */
  level: AlertLevelNameSchema.nullable(),
  /** Size of the move for pct_move_up / pct_move_down, in percent (2 = 2 %). */
  percent: z.number({ error: 'Percent must be a number' }).positive('Percent must be above 0').max(1000, 'Percent must be at most 1000'),
  /** The price a percent move is measured from; the last price when the alert is created if left out. */
  referencePrice: positivePrice('Reference price').nullable(),
  triggerMode: TriggerModeSchema,
  /** Seconds an `every_time` alert waits after firing before it can fire again. */
  cooldownSeconds: z
    .number({ error: 'Cooldown must be a number of seconds' })
    .int('Cooldown must be whole seconds')
    .min(1, 'Cooldown must be at least 1 second')
    .max(MAX_COOLDOWN_SECONDS, 'Cooldown must be at most 7 days'),
  /** When the alert stops watching (must be in the future when saved); null = never. */
  expiresAt: z.iso.datetime({ offset: true, error: 'Expiry must be a date and time like 2026-12-24T16:00:00Z' }).nullable(),
  note: z.string().trim().max(500, 'Note must be at most 500 characters').nullable(),
});
type Fields = z.infer<typeof AlertFields>;

/** What an alert watches: the fields that belong together (create, update after merging, the form). */
export type AlertSpec = Pick<Fields, 'condition' | 'targetPrice' | 'level' | 'referencePrice'> & { percent: number | null };

/** Rules across fields, shared by create, update (on the merged alert) and the renderer's form. */
export function alertRuleIssues(spec: Partial<AlertSpec>): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const has = (v: unknown) => v !== null && v !== undefined;
  if (!spec.condition) return issues;
  if (isPctCondition(spec.condition)) {
    if (!has(spec.percent)) issues.push({ path: ['percent'], message: 'A percent-move alert needs a percent above 0' });
    if (spec.condition === 'pct_move_down' && (spec.percent ?? 0) >= 100) issues.push({ path: ['percent'], message: 'A fall must be less than 100 %' });
    if (has(spec.targetPrice)) issues.push({ path: ['targetPrice'], message: 'A percent-move alert computes its target from the reference price; leave the target price out' });
    if (has(spec.level)) issues.push({ path: ['level'], message: 'A key level goes with above, below or crossing conditions, not a percent move' });
    return issues;
  }
  if (has(spec.percent)) issues.push({ path: ['percent'], message: 'Percent is only for pct_move_up and pct_move_down' });
  if (has(spec.referencePrice)) issues.push({ path: ['referencePrice'], message: 'Reference price is only for pct_move_up and pct_move_down' });
  if (has(spec.level) && has(spec.targetPrice)) issues.push({ path: ['targetPrice'], message: 'Give either a target price or a key level, not both' });
  if (!has(spec.level) && !has(spec.targetPrice)) issues.push({ path: ['targetPrice'], message: 'Give a target price (above 0) or a key level' });
  return issues;
}

/**
 * A new alert. The symbol must be known to the market and the expiry in the future: both are
 * checked by the service (they need the market and the clock).
 */
export const AlertCreateSchema = withRules(
  AlertFields.extend({
    targetPrice: AlertFields.shape.targetPrice.default(null),
    level: AlertFields.shape.level.default(null),
    percent: AlertFields.shape.percent.nullable().default(null),
    referencePrice: AlertFields.shape.referencePrice.default(null),
    triggerMode: TriggerModeSchema.default('once'),
    cooldownSeconds: AlertFields.shape.cooldownSeconds.default(DEFAULT_COOLDOWN_SECONDS),
    expiresAt: AlertFields.shape.expiresAt.default(null),
    note: AlertFields.shape.note.default(null),
  }).strict(),
  alertRuleIssues,
);
export type AlertCreate = z.input<typeof AlertCreateSchema>;
export type AlertCreateParams = z.output<typeof AlertCreateSchema>;

export const AlertIdSchema = z.object({ id: z.string().min(1).max(80) }).strict();

/**
 * Changes to an alert; the merged alert must pass the rules again. `status: 'active'` re-arms a
 * triggered, cancelled or expired alert. Another symbol starts the crossing baseline over.
 */
export const AlertUpdateSchema = AlertFields.extend({ percent: AlertFields.shape.percent.nullable() })
  .partial()
  .extend({ id: z.string().min(1).max(80), status: z.literal('active', { error: "Status can only be set to 'active' (re-arm); use alerts:cancel to cancel" }).optional() })
  .strict();
export type AlertUpdate = z.input<typeof AlertUpdateSchema>;
export type AlertUpdateParams = z.output<typeof AlertUpdateSchema>;

export const AlertSchema = z.object({
  id: z.string(),
  userId: z.string(),
  symbol: z.string(),
  condition: AlertConditionSchema,
  /** The price the alert compares with: given, derived from the percent move, or the key level's price this session (null until resolved). */
  targetPrice: z.number().nullable(),
  level: z.string().nullable(),
  /** The session (New York date) the key level's price belongs to; null for other alerts. */
  levelDate: z.string().nullable(),
  percent: z.number().nullable(),
  referencePrice: z.number().nullable(),
  triggerMode: TriggerModeSchema,
  cooldownSeconds: z.number().int(),
  expiresAt: z.string().nullable(),
  note: z.string().nullable(),
  status: AlertStatusSchema,
  /** The last time it fired, and at which price. */
  triggeredAt: z.string().nullable(),
  triggerPrice: z.number().nullable(),
  triggerCount: z.number().int().min(0),
  /** An `every_time` alert cooling down fires again only after this instant; null when armed. */
  rearmAt: z.string().nullable(),
  /** The last price the worker saw (the crossing baseline) and its time. */
  lastPrice: z.number().nullable(),
  lastPriceAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Alert = z.infer<typeof AlertSchema>;

/** `status` and `symbol` filter; both optional (query strings). */
export const AlertListInputSchema = z
  .object({
    status: z.enum([...ALERT_STATUSES, 'all'], { error: `Status must be one of ${ALERT_STATUSES.join(', ')} or all` }).default('all'),
    symbol: AlertSymbolSchema.optional(),
  })
  .strict();
export type AlertListInput = z.input<typeof AlertListInputSchema>;
export const AlertListSchema = z.object({ alerts: z.array(AlertSchema) });

/** An alert fired: the alert after the trigger, its notification, and whether the renderer shows a toast. */
export const AlertTriggeredSchema = z.object({
  alert: AlertSchema,
  notification: NotificationSchema,
  /** False when the profile turned alerts off (`alertsEnabled`): recorded and listed, but no toast or popup. */
  toast: z.boolean(),
});
export type AlertTriggered = z.infer<typeof AlertTriggeredSchema>;

export const AlertsChangedSchema = z.object({
  reason: z.enum(['created', 'updated', 'cancelled', 'deleted', 'triggered', 'expired']),
  ids: z.array(z.string()),
});
export type AlertsChanged = z.infer<typeof AlertsChangedSchema>;
