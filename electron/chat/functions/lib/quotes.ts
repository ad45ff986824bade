import type { MarketStatus, Quote } from '../../../../shared/schemas/market';
import { newYorkTime, round } from './round';

/** A quote as the model reads it. */
export function compactQuote(quote: Quote) {
  return {
    symbol: quote.symbol,
    last: round(quote.last),
    change: round(quote.change),
    changePercent: round(quote.changePercent, 2),
    prevClose: round(quote.prevClose),
    session: quote.session,
    time: newYorkTime(quote.time),
    source: quote.source,
  };
}

/** A quote for a card, prices to cents. */
export function roundQuote(quote: Quote): Quote {
  return { ...quote, last: round(quote.last), change: round(quote.change), changePercent: round(quote.changePercent, 2), prevClose: round(quote.prevClose) };
}

/** The market status in words and New York times. */
export function compactStatus(status: MarketStatus) {
  return {
    status: status.status,
    reason: status.reason,
    nextOpen: newYorkTime(status.nextOpen),
    nextClose: newYorkTime(status.nextClose),
    checkedAt: newYorkTime(status.checkedAt),
  };
}
