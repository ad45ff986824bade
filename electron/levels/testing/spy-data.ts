// Real SPY bars for the levels tests and the bench, read from /work/shared/market-data (see its
// SOURCES.md). The repo never copies them; when the folder is missing, loading throws, so the tests
// fail loudly instead of skipping.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import type { Bar, TradingSession } from '../../../shared/schemas/market';

export const EXCHANGE_ZONE = 'America/New_York';
/** `../shared/market-data/` relative to the repo root, resolved from this file (electron/levels/testing/). */
const MARKET_DATA_DIR = new URL('../../../../shared/market-data/', import.meta.url);

export const SPY_JULY_2025 = 'spy_1min_ext_2025-07-01_to_2025-07-30.csv';
export const SPY_DAILY = 'spy_daily_2021-01-04_to_2025-12-31.csv';
/** NYSE early closes (13:00 ET) inside the fixtures' range. */
const EARLY_CLOSES = new Set(['2025-07-03']);

export function readMarketFile(name: string): string {
  const url = new URL(name, MARKET_DATA_DIR);
  if (!fs.existsSync(url)) {
    throw new Error(
      `real market data missing: ${fileURLToPath(url)} not found. The levels tests read the SPY fixtures from ` +
        `../shared/market-data/ next to the repo root (see /work/shared/market-data/SOURCES.md); restore that folder.`,
    );
  }
  return fs.readFileSync(url, 'utf8');
}

function rows(csv: string): string[][] {
  return csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
}

function et(date: string, time: string): number {
  return DateTime.fromISO(`${date}T${time}`, { zone: EXCHANGE_ZONE }).toMillis();
}

/** The calendar's session for a date, built here with luxon in America/New_York. */
export function buildSession(date: string, earlyClose = EARLY_CLOSES.has(date)): TradingSession {
  return {
    date,
    preOpen: et(date, '04:00'),
    open: et(date, '09:30'),
    close: et(date, earlyClose ? '13:00' : '16:00'),
    afterClose: et(date, earlyClose ? '17:00' : '20:00'),
    earlyClose,
  };
}

/**
 * SPY 1-minute bars 2025-07-01…07-30 (naive ET timestamps = bar start) and the sessions of the dates
 * present (07-04 is a holiday and has no rows; 07-03 closes at 13:00).
 */
export function loadSpyJuly2025(): { bars: Bar[]; sessions: TradingSession[] } {
  const bars: Bar[] = [];
  const dates = new Set<string>();
  for (const [stamp, open, high, low, close, volume] of rows(readMarketFile(SPY_JULY_2025))) {
    const [date, time] = stamp!.split(' ') as [string, string];
    dates.add(date);
    bars.push({ time: et(date, time), open: Number(open), high: Number(high), low: Number(low), close: Number(close), volume: Number(volume) });
  }
  return { bars, sessions: [...dates].map((date) => buildSession(date)) };
}

/** SPY daily bars with raw (unadjusted) prices, time = 00:00 ET of the date. Columns: Date,Adj Close,Close,High,Low,Open,Volume. */
export function loadSpyDaily(): Bar[] {
  return rows(readMarketFile(SPY_DAILY)).map(([date, , close, high, low, open, volume]) => ({
    time: et(date!, '00:00'),
    open: Number(open),
    high: Number(high),
    low: Number(low),
    close: Number(close),
    volume: Number(volume),
  }));
}
