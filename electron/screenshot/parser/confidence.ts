import type { ExtractedPosition, PositionField } from '../../../shared/schemas/screenshot';
import type { Instrument } from './instrument';

/**
 * A row's readings turned into a position with a confidence per field.
 *
 * A field starts at the lowest OCR confidence of the words it was read from, and is lowered when
 * the reader had to guess: a look-alike character corrected (×0.75), a missing decimal point
 * supplied (×0.6), a year not written (×0.7), or the open P&L disagreeing with the prices
 * ((mark − avg) × qty × multiplier, sign by side) beyond rounding (avg, mark, P&L ×0.6, quantity
 * and side ×0.85). When the P&L does agree — a check across four independently read numbers — the
 * numbers are almost surely right, so those fields are raised to at least 0.9 (0.85 if they needed
 * a correction to agree). The check also settles the guesses it can: a decimal point added or not,
 * a lost minus sign (the side that makes the P&L work), an average quoted per contract (×100).
 *
 * Overall confidence is the lowest field's: one wrong field makes the position wrong, so the
 * position is only as sure as its weakest field.
 */

export interface MoneyRead {
  /** The cell as read. */
  text: string;
  value: number;
  decimals: number;
  /** Digits written in all. */
  digits: number;
  /** Written with a sign or parentheses (a positive P&L usually is not). */
  signed: boolean;
  confidence: number;
  corrected: boolean;
  /** The value as read when `value` is a guess (decimal point supplied). */
  alternatives: { value: number; signed: boolean }[];
  inferred?: boolean;
}

export interface RowReading {
  instrument: Instrument;
  instrumentConfidence: number;
  /** `fromPnl`: not readable, worked out from the P&L (which then checks nothing). */
  quantity: { value: number; negative: boolean; confidence: number; corrected: boolean; fromPnl?: boolean };
  /** "short", "credit", "sell"… written in the row. */
  sideWord?: 'long' | 'short';
  avgPrice?: MoneyRead;
  mark?: MoneyRead;
  pnl?: MoneyRead;
  /** The table writes losses in parentheses: its P&L signs are trusted over the quantity's. */
  negativesInParentheses?: boolean;
}

const CORRECTED = 0.75;
const INFERRED = 0.6;
const YEAR_INFERRED = 0.7;
const DISAGREES = 0.6;
const VERIFIED = 0.9;
/** Options do not expire on a Saturday or Sunday: such a date is a misread digit. */
const WEEKEND = 0.5;
/** Below this OCR confidence an unsigned number may have lost its minus sign. */
const SIGN_DOUBT = 0.5;

interface Choice {
  avg: number;
  mark: number;
  pnl: number;
  side: 'long' | 'short';
  /** How many guesses it takes (0: everything as read). */
  cost: number;
  /** The P&L's sign was taken as lost. */
  pnlFlipped: boolean;
  perContract: boolean;
}

const onWeekend = (iso: string) => [0, 6].includes(new Date(`${iso}T12:00:00Z`).getUTCDay());
const round = (n: number, places = 4) => Math.round(n * 10 ** places) / 10 ** places;

function candidates(m: MoneyRead): { value: number; signed: boolean; cost: number }[] {
  return [{ value: m.value, signed: m.signed, cost: 0 }, ...m.alternatives.map((a) => ({ ...a, cost: 1 }))];
}

/** The cheapest reading of avg, mark, P&L and side under which the P&L follows from the prices. */
function crossCheck(r: RowReading, readSide: 'long' | 'short'): Choice | undefined {
  if (!r.avgPrice || !r.mark || !r.pnl) return undefined;
  const multiplier = r.instrument.assetType === 'stock' ? 1 : 100;
  const units = r.quantity.value * multiplier;
  const choices: Choice[] = [];
  for (const avg of candidates(r.avgPrice)) {
    const avgs = [{ ...avg, perContract: false }];
    // Some brokers quote an option's average per contract (×100) beside a per-share mark.
    if (multiplier === 100 && avg.value > r.mark.value * 20) avgs.push({ ...avg, value: avg.value / 100, cost: avg.cost + 1, perContract: true });
    for (const a of avgs) {
      for (const mark of candidates(r.mark)) {
        // An unsigned P&L may have lost its minus. Which minus OCR dropped (quantity's or P&L's) is
        // a toss-up, except where losses are in parentheses, which OCR rarely loses both of.
        const flipCost = r.negativesInParentheses ? 3 : 1.5;
        const pnls = candidates(r.pnl).flatMap((p) => (p.signed || p.value === 0 ? [{ ...p, flipped: false }] : [{ ...p, flipped: false }, { value: -p.value, cost: p.cost + flipCost, flipped: true }]));
        for (const pnl of pnls) {
          for (const side of [readSide, readSide === 'long' ? 'short' : 'long'] as const) {
            const expected = (mark.value - a.value) * units * (side === 'short' ? -1 : 1);
            // Rounding: each price is shown to the cent, the broker computes from more digits. No
            // more slack than that: a misread last digit of a price moves the P&L by just as much.
            const tolerance = units * 0.01 + 0.011;
            if (Math.abs(expected - pnl.value) <= tolerance) {
              choices.push({ avg: a.value, mark: mark.value, pnl: pnl.value, side, perContract: a.perContract, pnlFlipped: pnl.flipped, cost: a.cost + mark.cost + pnl.cost + (side === readSide ? 0 : 2) });
            }
          }
        }
      }
    }
  }
  return choices.sort((a, b) => a.cost - b.cost)[0];
}

export function resolvePosition(r: RowReading, rawText: string): ExtractedPosition {
  const { instrument: ins } = r;
  const readSide: 'long' | 'short' = r.quantity.negative ? 'short' : (r.sideWord ?? 'long');
  const check = crossCheck(r, readSide);
  // A check that holds however the quantity is read proves nothing (avg = mark, P&L 0), nor one
  // whose quantity was worked out from the P&L.
  const meaningful = check !== undefined && Math.abs(check.pnl) > 0 && !r.quantity.fromPnl;
  const disagrees = r.avgPrice !== undefined && r.mark !== undefined && r.pnl !== undefined && !check;

  const fields: Partial<Record<PositionField, number>> = {};
  const guessed = (base: number, corrected: boolean, inferred: boolean, checked: boolean) => {
    if (checked && meaningful) return Math.max(base, VERIFIED) * (corrected || inferred ? 0.95 : 1);
    return base * (corrected ? CORRECTED : 1) * (inferred ? INFERRED : 1) * (disagrees ? DISAGREES : 1);
  };

  const ic = r.instrumentConfidence;
  fields.symbol = ic * (ins.corrected.symbol ? CORRECTED : 1);
  fields.assetType = ic * (ins.corrected.assetType ? CORRECTED : 1);
  if (ins.strike !== null) fields.strike = ic * (ins.corrected.strike ? CORRECTED : 1);
  if (ins.expiry !== null) fields.expiry = ic * (ins.corrected.expiry ? CORRECTED : 1) * (ins.yearInferred ? YEAR_INFERRED : 1) * (onWeekend(ins.expiry) ? WEEKEND : 1);

  const q = r.quantity;
  const qtyAndSide = (base: number, corrected: boolean) =>
    meaningful ? Math.max(base, VERIFIED) * (corrected ? 0.95 : 1) : base * (corrected ? CORRECTED : 1) * (disagrees ? 0.85 : 1);
  fields.quantity = qtyAndSide(q.confidence, q.corrected);
  // The side the P&L says, when it is not the side shown: a minus sign lost by OCR. If the P&L
  // carries no sign either, its own minus may be the one lost: both stay in doubt.
  const side = check?.side ?? readSide;
  const flipped = side !== readSide;
  // Tesseract marks a number whose minus it dropped with a very low confidence: an unsigned
  // quantity or P&L it doubts may have lost its sign even when the P&L check holds.
  const unsure = (read: { confidence: number } | undefined) => read !== undefined && read.confidence < SIGN_DOUBT;
  const signLost = (!r.quantity.negative && !r.sideWord && !r.quantity.fromPnl && unsure(r.quantity)) || (r.pnl !== undefined && !r.pnl.signed && unsure(r.pnl));
  const pnlSignInDoubt = r.pnl !== undefined && !r.pnl.signed && (flipped || check?.pnlFlipped === true || signLost);
  fields.side = flipped || pnlSignInDoubt ? Math.min(q.confidence, pnlSignInDoubt ? 0.6 : 0.7) : qtyAndSide(q.confidence, false);

  const money = (m: MoneyRead | undefined, chosen: number | undefined, perContract = false) => {
    if (!m) return null;
    const value = chosen ?? m.value;
    // A guess: the decimal point supplied and kept, or a per-contract average divided by 100.
    const guess = (m.inferred === true && value === m.value) || perContract;
    return { value, confidence: guessed(m.confidence, m.corrected, guess, check !== undefined) };
  };
  const avg = money(r.avgPrice, check?.avg, check?.perContract);
  const mark = money(r.mark, check?.mark);
  const pnl = money(r.pnl, check?.pnl);
  if (avg) fields.avgPrice = avg.confidence;
  if (mark) fields.mark = mark.confidence;
  if (pnl) fields.pnl = pnlSignInDoubt ? Math.min(pnl.confidence, 0.6) : pnl.confidence;

  const rounded = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, round(Math.min(1, Math.max(0, v)), 3)])) as Partial<Record<PositionField, number>>;
  return {
    symbol: ins.symbol,
    assetType: ins.assetType,
    strike: ins.strike,
    expiry: ins.expiry,
    quantity: q.value,
    side,
    avgPrice: avg ? round(avg.value) : null,
    mark: mark ? round(mark.value) : null,
    pnl: pnl ? round(pnl.value, 2) : null,
    confidence: { overall: Math.min(...Object.values(rounded)), fields: rounded },
    rawText,
  };
}
