import type { AssetType, ImportField } from '../../../../shared/schemas/journal';
import { isCashSettled } from '../settlements';
import type { Cells, CloseEvent, Execution, RowContext } from '../types';
import { occSymbol, parseDateTime, parseExpiry, parseNumber, parseOccSymbol, parseOptionType, RowProblem, type OptionContract } from '../values';

/** A number from a field; `required` fields must hold one. */
export function num(cells: Cells, field: ImportField, required: true): number;
export function num(cells: Cells, field: ImportField, required?: false): number | null;
export function num(cells: Cells, field: ImportField, required = false): number | null {
  const raw = cells.get(field);
  const value = parseNumber(raw);
  if (value === null) {
    if (required) throw new RowProblem(cells.column(field), `${cells.column(field)} is empty`);
    return null;
  }
  if (Number.isNaN(value)) throw new RowProblem(cells.column(field), `${cells.column(field)} is not a number: "${raw.slice(0, 40)}"`);
  return value;
}

/** Fees and commission columns added up; brokers write them as negative or positive amounts. */
export function feesOf(cells: Cells): number {
  return Math.abs(num(cells, 'fees') ?? 0) + Math.abs(num(cells, 'commission') ?? 0);
}

export function time(cells: Cells, ctx: RowContext, raw = cells.get('time')): number {
  if (!raw) throw new RowProblem(cells.column('time'), `${cells.column('time')} is empty`);
  const ms = parseDateTime(raw, ctx.zone);
  if (Number.isNaN(ms)) throw new RowProblem(cells.column('time'), `${cells.column('time')} is not a date and time we can read: "${raw.slice(0, 40)}"`);
  return ms;
}

const BUY = /^(b|buy|bot|bought|bto|btc|buy to open|buy to close|buy to cover|buy_to_open|buy_to_close|long)$/i;
const SELL = /^(s|sell|sld|sold|ss|sto|stc|sell short|sell to open|sell to close|sell_to_open|sell_to_close|short)$/i;

/** Buy or sell from a side word; null when the word is neither. */
export function sideOf(raw: string): 'buy' | 'sell' | null {
  const s = raw.trim();
  if (BUY.test(s)) return 'buy';
  if (SELL.test(s)) return 'sell';
  return null;
}

export function requireSide(cells: Cells, raw = cells.get('side')): 'buy' | 'sell' {
  const side = sideOf(raw);
  if (!side) throw new RowProblem(cells.column('side'), `${cells.column('side')} must say buy or sell, not "${raw.slice(0, 40)}"`);
  return side;
}

export function assetTypeOf(raw: string): AssetType | null {
  const s = raw.trim().toUpperCase();
  if (/^(OPT|OPTION|OPTIONS|EQUITY OPTION|FUTURE OPTION|FOP)$/.test(s)) return 'option';
  if (/^(STK|STOCK|EQUITY|ETF|SHARES?)$/.test(s)) return 'stock';
  if (/^(FUT|FUTURE|FUTURES)$/.test(s)) return 'future';
  return null;
}

export interface ExecutionParts {
  timeMs: number;
  side: Execution['side'];
  quantity: number;
  price: number;
  fees?: number | null;
  /** Ticker or OCC symbol. */
  symbol: string;
  underlying?: string;
  assetType?: AssetType | null;
  option?: OptionContract | null;
  multiplier?: number | null;
  orderKey?: string | null;
  event?: CloseEvent | null;
  amountMissing?: boolean;
}

/**
 * Checks and completes the parts of a fill: an OCC symbol makes it an option, options get a
 * multiplier of 100 unless the file says otherwise, quantities are taken as sizes (signs dropped).
 */
export function execution(cells: Cells, ctx: RowContext, p: ExecutionParts): Execution {
  const option = p.option ?? (p.assetType === 'stock' ? null : parseOccSymbol(p.symbol));
  const assetType: AssetType = option ? 'option' : (p.assetType ?? 'stock');
  if (assetType === 'option' && !option) throw new RowProblem(cells.column('symbol'), `Option without a readable contract: "${p.symbol.slice(0, 40)}"`);
  if (p.side === 'close' && !option) throw new RowProblem(cells.column('symbol'), `An option ${p.event ?? 'close'} without an option contract`);
  const quantity = Math.abs(p.quantity);
  if (!(quantity > 0)) throw new RowProblem(cells.column('quantity'), `${cells.column('quantity')} must be above 0`);
  if (p.price < 0) throw new RowProblem(cells.column('price'), `${cells.column('price')} must not be negative`);
  const symbol = option ? occSymbol(option) : p.symbol.trim().toUpperCase();
  if (!symbol) throw new RowProblem(cells.column('symbol'), `${cells.column('symbol')} is empty`);
  return {
    row: ctx.row,
    timeMs: p.timeMs,
    symbol,
    underlying: (option?.underlying ?? p.underlying ?? symbol).toUpperCase(),
    assetType,
    optionType: option?.optionType ?? null,
    strike: option?.strike ?? null,
    expiry: option?.expiry ?? null,
    multiplier: p.multiplier || (assetType === 'option' ? 100 : 1),
    side: p.side,
    quantity,
    price: Math.abs(p.price),
    fees: Math.abs(p.fees ?? 0),
    orderKey: p.orderKey || null,
    event: p.event ?? null,
    ...(p.amountMissing && { amountMissing: true }),
  };
}

/**
 * The closing price of an option assigned or exercised. A stock-settled option closes at 0: its
 * premium is the whole P&L, and the shares arrive as a row of their own at the strike. A
 * cash-settled index option closes at the settlement paid per share, |amount| / (quantity ×
 * multiplier); without an amount in the row its value is unknown (`amountMissing`). `saysCash`:
 * the row itself says it settled in cash (tastytrade's "Cash Settled Assignment").
 */
export function settlementClose(cells: Cells, underlying: string, quantity: number, multiplier: number, saysCash = false): { price: number; amountMissing: boolean } {
  if (!saysCash && !isCashSettled(underlying)) return { price: 0, amountMissing: false };
  const amount = num(cells, 'amount') ?? 0;
  if (amount === 0) return { price: 0, amountMissing: true };
  return { price: Math.abs(amount) / (Math.abs(quantity) * multiplier), amountMissing: false };
}

/** An option contract from separate underlying / expiry / strike / call-put columns; null when they are empty. */
export function optionFromColumns(cells: Cells, underlying: string): OptionContract | null {
  const type = parseOptionType(cells.get('optionType'));
  const rawExpiry = cells.get('expiry');
  if (!type && !rawExpiry) return null;
  const expiry = parseExpiry(rawExpiry);
  if (!expiry) throw new RowProblem(cells.column('expiry'), `${cells.column('expiry')} is not an expiry date: "${rawExpiry.slice(0, 40)}"`);
  if (!type) throw new RowProblem(cells.column('optionType'), `${cells.column('optionType')} must say call or put`);
  const strike = num(cells, 'strike', true);
  return { underlying: underlying.toUpperCase(), expiry, optionType: type, strike };
}
