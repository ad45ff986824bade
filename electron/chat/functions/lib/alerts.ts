import { CoachError } from '../../../../shared/errors';
import { ALERT_LEVEL_NAMES, type Alert } from '../../../../shared/schemas/alerts';
import { round, roundOrNull } from './round';

/** How people name levels, to the levels engine's names. */
const ALIASES: Record<string, string> = {
  'prior day high': 'PDH',
  'previous day high': 'PDH',
  "yesterday's high": 'PDH',
  'yesterday high': 'PDH',
  'prior day low': 'PDL',
  'previous day low': 'PDL',
  "yesterday's low": 'PDL',
  'yesterday low': 'PDL',
  'prior day close': 'PDC',
  'previous close': 'PDC',
  'prior close': 'PDC',
  'premarket high': 'PMH',
  'pre-market high': 'PMH',
  'premarket low': 'PML',
  'pre-market low': 'PML',
  'prior week high': 'PWH',
  'prior week low': 'PWL',
  'prior month high': 'PMoH',
  'prior month low': 'PMoL',
  open: 'Open',
  vwap: 'VWAP',
};

const PIVOT = /^(p|pivot|pp|[rs][1-4])\s*(?:\(?\s*(classic|fibonacci|fib|camarilla|woodie)\s*\)?)?$/i;
const VWAP_BAND = /^vwap\s*([+\-−])\s*([1-3])\s*(?:σ|sd|sigma|std)?$/i;
const OPENING_RANGE = /^(orh|orl)\s*(\d+)?\s*(?:m|min|minutes?)?$/i;

function notALevel(input: string, hint = ''): never {
  throw new CoachError(
    'invalid_input',
    `"${input}" is not a key level an alert can watch${hint}. Use one of: PDH, PDL, PDC, PMH, PML, Open, ORH 5m/15m/30m, ORL 5m/15m/30m, VWAP, VWAP +1σ…−3σ, R1–R3 / S1–S3 / P (classic, fibonacci, woodie), R1–R4 / S1–S4 (camarilla), ATR high, ATR low, PWH, PWL, PMoH, PMoL`,
  );
}

/** The engine's name of a level as a model or a trader spells it ('r1' → 'R1 (classic)', 'vwap -1' → 'VWAP −1σ'). */
export function resolveLevelName(input: string): string {
  const spoken = input.trim().replace(/\s+/g, ' ');
  const exact = ALERT_LEVEL_NAMES.find((name) => name.toLowerCase() === spoken.toLowerCase());
  if (exact) return exact;
  const alias = ALIASES[spoken.toLowerCase()];
  if (alias) return alias;
  let name: string | undefined;
  const pivot = PIVOT.exec(spoken);
  const band = VWAP_BAND.exec(spoken);
  const range = OPENING_RANGE.exec(spoken);
  if (pivot) {
    const label = /^(p|pivot|pp)$/i.test(pivot[1]!) ? 'P' : pivot[1]!.toUpperCase();
    const method = (pivot[2] ?? 'classic').toLowerCase().replace(/^fib$/, 'fibonacci');
    name = `${label} (${method})`;
  } else if (band) {
    name = `VWAP ${band[1] === '+' ? '+' : '−'}${band[2]}σ`;
  } else if (range) {
    if (!range[2]) notALevel(input, `: say which opening range, ${range[1]!.toUpperCase()} 5m, 15m or 30m`);
    name = `${range[1]!.toUpperCase()} ${range[2]}m`;
  }
  if (name && ALERT_LEVEL_NAMES.includes(name)) return name;
  return notALevel(input);
}

/** An alert as the model reads it. */
export function compactAlert(alert: Alert) {
  return {
    id: alert.id,
    symbol: alert.symbol,
    condition: alert.condition,
    targetPrice: roundOrNull(alert.targetPrice),
    level: alert.level,
    ...(alert.percent !== null ? { percent: alert.percent } : {}),
    status: alert.status,
    note: alert.note,
    ...(alert.triggeredAt ? { triggeredAt: alert.triggeredAt, triggerPrice: roundOrNull(alert.triggerPrice) } : {}),
    createdAt: alert.createdAt,
  };
}

/** "SPX above 6050", "SPY crosses_above PDH (612.25)" — to name an alert in a message or a title. */
export function describeAlert(alert: Alert, { withId = true } = {}): string {
  const target = alert.level ? `${alert.level}${alert.targetPrice !== null ? ` (${round(alert.targetPrice)})` : ''}` : alert.targetPrice !== null ? String(round(alert.targetPrice)) : `${alert.percent} %`;
  return `${alert.symbol} ${alert.condition} ${target}${withId ? ` (id ${alert.id})` : ''}`;
}
