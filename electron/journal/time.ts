import { DateTime, IANAZone } from 'luxon';

/** The exchange's time zone: journal days, weekdays and hours are New York's. */
export const MARKET_ZONE = 'America/New_York';
const HOUR_MS = 3_600_000;

// Offsets only change on whole UTC hours, so one luxon lookup per hour serves every trade in it
// (analytics over 100 000 trades would otherwise spend most of its time in time-zone math).
const offsetByUtcHour = new Map<number, number>();
function nyOffsetMs(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetByUtcHour.get(hour);
  if (offset === undefined) {
    offset = IANAZone.create(MARKET_ZONE).offset(hour * HOUR_MS) * 60_000;
    offsetByUtcHour.set(hour, offset);
  }
  return offset;
}

export interface MarketClock {
  /** YYYY-MM-DD in New York. */
  date: string;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** 0–23 in New York. */
  hour: number;
}

/** Where an instant falls on New York's calendar and clock. */
export function marketClock(iso: string): MarketClock {
  const local = new Date(Date.parse(iso) + nyOffsetMs(Date.parse(iso)));
  return { date: local.toISOString().slice(0, 10), weekday: (local.getUTCDay() + 6) % 7, hour: local.getUTCHours() };
}

/** The UTC instant (ISO) at which a New York day starts, `addDays` later. */
export function nyDayStartUtc(date: string, addDays = 0): string {
  return DateTime.fromISO(date, { zone: MARKET_ZONE }).plus({ days: addDays }).startOf('day').toUTC().toISO()!;
}

const zoneOffsets = new Map<string, number>();

/**
 * Milliseconds since the epoch of a wall-clock time in `zone`. Offsets are looked up once per zone
 * and local hour (the importer converts hundreds of thousands of times).
 */
export function wallClockToMs(zone: string, y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  const key = `${zone}|${y}|${mo}|${d}|${h}`;
  let offset = zoneOffsets.get(key);
  if (offset === undefined) {
    const dt = DateTime.fromObject({ year: y, month: mo, day: d, hour: h }, { zone });
    if (!dt.isValid) return NaN;
    offset = dt.offset;
    if (zoneOffsets.size > 100_000) zoneOffsets.clear();
    zoneOffsets.set(key, offset);
  }
  return Date.UTC(y, mo - 1, d, h, mi, s) - offset * 60_000;
}

export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}
