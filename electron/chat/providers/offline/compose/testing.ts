import type { FunctionCallRecord } from '../../../../../shared/schemas/chat';
import type { PlannedCall } from '../arguments';
import { composeCall } from './index';
import type { Experience } from './format';

/** Scripted function records for the composer and provider tests: plain data in the functions' result shapes. */

export const TODAY = '2025-12-17';

export function okRecord(name: string, args: Record<string, unknown>, result: unknown): FunctionCallRecord {
  return { id: `call-${name}`, name, arguments: args, status: 'ok', result, ms: 1 };
}

export function errorRecord(name: string, args: Record<string, unknown>, error: string): FunctionCallRecord {
  return { id: `call-${name}`, name, arguments: args, status: 'error', result: { error }, error, ms: 1 };
}

/** The answer text for one record at each experience level. */
export function answers(record: FunctionCallRecord, focus: string | null = null): Record<Experience, string> {
  const call: PlannedCall = { name: record.name, arguments: record.arguments as Record<string, unknown>, focus };
  const at = (experience: Experience) => composeCall(call, record, { experience, today: TODAY }).text;
  return { beginner: at('beginner'), intermediate: at('intermediate'), advanced: at('advanced') };
}

export const LEVELS = {
  symbol: 'SPX',
  date: TODAY,
  source: 'simulated',
  lastPrice: 6001.25,
  vwap: 5990.1,
  atr: { daily: 45.2, intraday: 3.1, timeframe: '5m' },
  expectedMove: { reference: 5995, upper: 6040.2, lower: 5949.8 },
  resistanceAbove: [
    { name: 'PDH', price: 6012.5, distance: 11.25, percent: 0.19 },
    { name: 'R1 (classic)', price: 6030, distance: 28.75, percent: 0.48 },
  ],
  supportBelow: [
    { name: 'VWAP', price: 5990.1, distance: -11.15, percent: -0.19 },
    { name: 'PDL', price: 5950.25, distance: -51, percent: -0.85 },
  ],
  otherLevels: 30,
};

export const GREEKS = {
  underlying: 'SPX',
  spot: 6001.25,
  strike: 6000,
  right: 'call',
  expiry: TODAY,
  daysToExpiry: 0,
  style: 'european',
  multiplier: 100,
  contract: 'SPXW251217C06000000',
  bid: 12.4,
  ask: 12.6,
  mid: 12.5,
  last: 12.45,
  iv: 0.142,
  delta: 0.5123,
  gamma: 0.004211,
  theta: -3.104,
  vega: 1.2,
  rho: 0.05,
  volume: 5400,
  openInterest: 12345,
  inTheMoney: true,
};

const side = (bid: number, ask: number, delta: number, openInterest: number) => ({ bid, ask, iv: 0.142, delta, volume: 100, openInterest });

export const CHAIN = {
  underlying: 'SPX',
  spot: 6001.25,
  source: 'simulated',
  expiry: TODAY,
  daysToExpiry: 0,
  expirationKind: '0dte',
  atTheMoneyStrike: 6000,
  rows: [
    { strike: 5990, call: side(18.1, 18.4, 0.62, 800), put: side(7.2, 7.4, -0.38, 9876) },
    { strike: 6000, call: side(12.4, 12.6, 0.51, 12345), put: side(11.3, 11.5, -0.49, 4000) },
    { strike: 6010, call: side(7.9, 8.1, 0.4, 3000), put: side(16.6, 16.9, -0.6, 500) },
  ],
  otherExpirations: ['2025-12-18', '2025-12-19'],
};
