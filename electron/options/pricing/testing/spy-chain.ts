// The real SPY option chain of 2026-02-11 (a yfinance dump, see ../shared/market-data/SOURCES.md),
// read from the shared fixtures folder; loading throws with a clear message when it is missing.
import type { OptionRight } from '../../../../shared/schemas/options';
import { readMarketFile } from '../../../levels/testing/spy-data';

export const SPY_CHAIN_FILE = 'spy_options_chain_intraday_2026-02-11.csv';
/** `underlyingPrice` of every row of the file. */
export const SPY_CHAIN_SPOT = 692.3;
/** The latest trade in the file is 16:19:32 UTC (11:19:32 ET): the quotes were taken right after. */
export const SPY_CHAIN_SNAPSHOT = Date.parse('2026-02-11T16:20:00Z');

export interface ChainQuote {
  contract: string;
  /** When the contract last traded (UTC in the file). */
  lastTrade: number;
  strike: number;
  bid: number;
  ask: number;
  volume: number;
  openInterest: number;
  /** Yahoo's implied volatility. */
  yahooIv: number;
  right: OptionRight;
  expiry: string;
}

export function loadSpyChain(): ChainQuote[] {
  const [header, ...lines] = readMarketFile(SPY_CHAIN_FILE).trim().split('\n');
  const columns = header!.split(',');
  const at = (name: string) => {
    const index = columns.indexOf(name);
    if (index < 0) throw new Error(`${SPY_CHAIN_FILE}: no column ${name}`);
    return index;
  };
  const [contract, lastTrade, strike, bid, ask, volume, openInterest, iv, type, expiry] = [
    'contractSymbol', 'lastTradeDate', 'strike', 'bid', 'ask', 'volume', 'openInterest', 'impliedVolatility', 'optionType', 'expirationDate',
  ].map(at) as number[];
  return lines.map((line) => {
    const cells = line.split(',');
    const number = (index: number) => Number(cells[index!] || 0); // volume is blank when nothing traded
    return {
      contract: cells[contract!]!,
      lastTrade: Date.parse(cells[lastTrade!]!.replace(' ', 'T')),
      strike: number(strike!),
      bid: number(bid!),
      ask: number(ask!),
      volume: number(volume!),
      openInterest: number(openInterest!),
      yahooIv: number(iv!),
      right: cells[type!] === 'put' ? 'put' : 'call',
      expiry: cells[expiry!]!,
    };
  });
}
