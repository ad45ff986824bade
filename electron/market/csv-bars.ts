import { DateTime } from 'luxon';
import Papa from 'papaparse';
import { CoachError, type Issue } from '../../shared/errors';
import type { Bar, ImportBarsReport, Timeframe } from '../../shared/schemas/market';
import { dailyBarTime } from './resample';

export type TimestampFormat = 'iso-offset' | 'iso-local' | 'date' | 'epoch-s' | 'epoch-ms';

export interface ParsedBars {
  bars: Bar[];
  timeframe: Timeframe;
  timestampFormat: TimestampFormat;
  columns: ImportBarsReport['columns'];
}

/** Header names each column may go by (lower-cased), e.g. TradingView's `time`, Yahoo's `Date`, Polygon's `t`. */
const COLUMN_NAMES = {
  time: ['timestamp', 'datetime', 'date', 'time', 't'],
  open: ['open', 'o'],
  high: ['high', 'h'],
  low: ['low', 'l'],
  close: ['close', 'c', 'adj close', 'last'],
  volume: ['volume', 'vol', 'v'],
} as const;

/** At most this many row problems are listed; the count says how many there were. */
const MAX_LISTED_ISSUES = 20;
const BAR_SIZES: [number, Timeframe][] = [[1, '1m'], [5, '5m'], [15, '15m'], [60, '1h']];

/**
 * Reads a user's OHLCV file: finds the columns by name, detects how timestamps are written (ISO
 * with or without an offset, a plain date, epoch seconds or milliseconds), checks every row, and
 * finds the bar size. A file with any bad row is refused whole, with the rows listed.
 */
export function parseBarsCsv(text: string, timeZone: string): ParsedBars {
  if (!DateTime.local().setZone(timeZone).isValid) throw invalid([{ path: ['timeZone'], message: `Unknown time zone ${timeZone}; use an IANA name such as America/New_York`, code: 'custom' }]);
  const parsed = Papa.parse<Record<string, string>>(text.trim(), { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() });
  const headers = parsed.meta.fields ?? [];
  const columns = findColumns(headers);
  const rows = parsed.data;
  if (!rows.length) throw invalid([{ path: ['csv'], message: 'The file has a header but no rows', code: 'custom' }]);
  const format = detectFormat(rows[0]![columns.time] ?? '');
  const issues: Issue[] = parsed.errors.map((e) => ({ path: ['csv', (e.row ?? 0) + 2], message: e.message, code: 'parse' }));
  const bars: Bar[] = [];
  rows.forEach((row, i) => {
    const line = i + 2; // 1-based, after the header
    const problem = (message: string) => issues.push({ path: ['csv', line], message: `row ${line}: ${message}`, code: 'custom' });
    const time = readTime(row[columns.time] ?? '', format, timeZone);
    if (time === undefined) return problem(`timestamp "${row[columns.time] ?? ''}" is not ${format} like the first row`);
    const [open, high, low, close] = (['open', 'high', 'low', 'close'] as const).map((k) => Number(row[columns[k]]));
    const volume = columns.volume ? Number(row[columns.volume]) : 0;
    if (![open, high, low, close].every((v) => Number.isFinite(v) && v! > 0)) return problem('open, high, low and close must be positive numbers');
    if (!Number.isFinite(volume) || volume < 0) return problem('volume must be a number ≥ 0');
    if (high! < Math.max(open!, close!, low!) || low! > Math.min(open!, close!)) return problem(`high ${high} / low ${low} do not contain open ${open} and close ${close}`);
    bars.push({ time, open: open!, high: high!, low: low!, close: close!, volume });
  });
  bars.sort((a, b) => a.time - b.time);
  for (let i = 1; i < bars.length; i += 1) {
    if (bars[i]!.time === bars[i - 1]!.time) issues.push({ path: ['csv'], message: `two rows share the timestamp ${new Date(bars[i]!.time).toISOString()}`, code: 'custom' });
  }
  if (issues.length) {
    const listed = issues.slice(0, MAX_LISTED_ISSUES);
    const more = issues.length > listed.length ? ` (and ${issues.length - listed.length} more)` : '';
    throw new CoachError('invalid_input', `The file was not imported: ${issues.length} bad row(s)${more}. ${listed.map((x) => x.message).join('; ')}`, { issues: listed });
  }
  return {
    bars,
    timeframe: format === 'date' ? '1d' : barSize(bars),
    timestampFormat: format,
    columns: { time: columns.time, open: columns.open, high: columns.high, low: columns.low, close: columns.close, volume: columns.volume ?? null },
  };
}

function findColumns(headers: string[]) {
  const lower = new Map(headers.map((h) => [h.toLowerCase(), h]));
  const pick = (names: readonly string[]) => names.map((n) => lower.get(n)).find((h) => h !== undefined);
  const found = {
    time: pick(COLUMN_NAMES.time),
    open: pick(COLUMN_NAMES.open),
    high: pick(COLUMN_NAMES.high),
    low: pick(COLUMN_NAMES.low),
    close: pick(COLUMN_NAMES.close),
    volume: pick(COLUMN_NAMES.volume),
  };
  const missing = (['time', 'open', 'high', 'low', 'close'] as const).filter((k) => !found[k]);
  if (missing.length) {
    throw invalid([{ path: ['csv'], message: `Missing column(s) ${missing.join(', ')} in the header (${headers.join(', ') || 'empty'}); expected e.g. timestamp,open,high,low,close,volume`, code: 'custom' }]);
  }
  return found as { time: string; open: string; high: string; low: string; close: string; volume?: string };
}

function detectFormat(sample: string): TimestampFormat {
  const s = sample.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return 'date';
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s)) return 'iso-local';
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(s)) return 'iso-offset';
  if (/^\d{9,10}(\.\d+)?$/.test(s)) return 'epoch-s';
  if (/^\d{12,13}$/.test(s)) return 'epoch-ms';
  throw invalid([{ path: ['csv', 2], message: `Cannot tell how the timestamp "${s}" is written; use ISO 8601 (2025-07-01T09:30:00-04:00), a date, or epoch seconds/milliseconds`, code: 'custom' }]);
}

function readTime(raw: string, format: TimestampFormat, zone: string): number | undefined {
  const s = raw.trim();
  let ms: number | undefined;
  if (format === 'epoch-s' && /^\d{9,10}(\.\d+)?$/.test(s)) ms = Math.round(Number(s) * 1000);
  else if (format === 'epoch-ms' && /^\d{12,13}$/.test(s)) ms = Number(s);
  else if (format === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(s)) ms = dailyBarTime(s);
  else if (format === 'iso-local' || format === 'iso-offset') {
    const dt = DateTime.fromISO(s.replace(' ', 'T'), { zone, setZone: format === 'iso-offset' });
    const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/.test(s);
    if (dt.isValid && hasOffset === (format === 'iso-offset')) ms = dt.toMillis();
  }
  return ms !== undefined && Number.isFinite(ms) ? ms : undefined;
}

/** The bar size: the most common gap between consecutive bars of one day. */
function barSize(bars: Bar[]): Timeframe {
  const counts = new Map<number, number>();
  for (let i = 1; i < bars.length; i += 1) {
    const gap = (bars[i]!.time - bars[i - 1]!.time) / 60_000;
    if (gap > 0 && gap < 24 * 60) counts.set(gap, (counts.get(gap) ?? 0) + 1);
  }
  if (!counts.size) return '1d';
  const common = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const size = BAR_SIZES.find(([minutes]) => minutes === common);
  if (!size) throw invalid([{ path: ['csv'], message: `Bars ${common} minutes apart are not a supported size (1, 5, 15, 60 minutes or daily)`, code: 'custom' }]);
  return size[1];
}

function invalid(issues: Issue[]): CoachError {
  return new CoachError('invalid_input', issues.map((i) => i.message).join('; '), { issues });
}
