import type { Broker } from '../../../shared/schemas/screenshot';
import { cellsOf, textHeight, type Row } from './layout';

/**
 * The table's heading row: which column holds what (by the words brokers use), and which broker
 * the headings look like.
 */

export type ColumnKind = 'instrument' | 'quantity' | 'avgPrice' | 'mark' | 'pnl' | 'strike' | 'expiry' | 'right' | 'side' | 'other';

export interface Column {
  kind: ColumnKind;
  /** The heading as normalised (see `normalizeLabel`). */
  label: string;
  x0: number;
  x1: number;
}

export interface Header {
  rowIndex: number;
  columns: Column[];
  broker: Broker;
}

const LABELS: Record<ColumnKind, string[]> = {
  instrument: ['instrument', 'financial instrument', 'symbol', 'name', 'description', 'contract', 'security', 'ticker', 'symbol/description', 'underlying', 'option'],
  quantity: ['qty', 'oty', 'qly', 'quantity', 'position', 'pos', 'contracts', 'shares', 'size', 'open qty', 'net qty', 'shares/contracts', 'qty/contracts'],
  avgPrice: ['trade price', 'avg price', 'average price', 'avg cost', 'average cost', 'cost', 'avg', 'avg px', 'open price', 'entry price', 'price paid', 'cost/share', 'avg cost/share', 'average', 'avg fill price', 'entry'],
  mark: ['mark', 'last', 'last price', 'current price', 'price', 'market price', 'mkt price', 'current', 'last px', 'mark price', 'mkt'],
  pnl: ['pl open', 'unrealized pl', 'unrealized', 'total return', 'pl', 'open pl', 'gain/loss', 'gain', 'total gain', 'total gain/loss', 'profit/loss', 'return', 'unrealized gain/loss', 'unrl pl'],
  strike: ['strike', 'strike price'],
  expiry: ['exp', 'expiry', 'expiration', 'exp date', 'expiration date'],
  right: ['call/put', 'put/call', 'c/p', 'type', 'option type', 'right'],
  side: ['side', 'long/short', 'direction'],
  other: [
    'days', 'dte', 'pl day', 'day pl', 'daily pl', "today's return", 'todays return', 'market value', 'mkt value', 'value', 'equity', 'net liq',
    'net liquidity', 'pl %', '%', 'chg', 'change', '% change', 'chg %', 'delta', 'theta', 'gamma', 'vega', 'beta', 'bp effect', 'bp', 'iv', 'ivr',
    'day change', "day's gain", 'cost basis', 'total cost', 'realized pl', 'mrk chng', 'mark chng', 'unrealized pl %', 'pl % open', 'weight', '% of account',
  ],
};

/** Headings only one broker uses (counted to tell them apart; none: generic). */
const BROKER_SIGNATURES: Record<Exclude<Broker, 'generic'>, string[]> = {
  thinkorswim: ['instrument', 'days', 'pl day', 'mrk chng', 'pl open', 'trade price'],
  tastytrade: ['dte', 'net liq', 'pl open', 'trade price', 'bp effect', 'ivr'],
  ibkr: ['financial instrument', 'position', 'avg price', 'last', 'unrealized pl', 'daily pl', 'market value'],
  robinhood: ['name', 'avg cost', 'current price', 'total return', 'equity', "today's return", 'average cost'],
  webull: ['last price', 'avg cost', 'unrealized pl', 'pl %', 'mkt value'],
};

/** Lower case, the many spellings of P/L as "pl", OCR's l/1/| and stray punctuation evened out. */
export function normalizeLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/[|]/g, 'l')
    .replace(/\bp\s*[/&iIl1|]?\s*[l1i|](?=\b|open|day)|\bpnl\b|\bp\s*&\s*l\b/g, 'pl')
    .replace(/[^a-z0-9&/%' ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length]![b.length]!;
}

const ALL_LABELS = (Object.entries(LABELS) as [ColumnKind, string[]][]).flatMap(([kind, labels]) => labels.map((label) => ({ kind, label })));

/** What a heading names, allowing an OCR slip or two in longer words. */
export function classifyLabel(text: string): { kind: ColumnKind; label: string } | undefined {
  const label = normalizeLabel(text);
  if (!label) return undefined;
  const squeezed = label.replace(/ /g, '');
  // OCR drops the space of "P/L Open" or adds one: compare without spaces too.
  const exact = ALL_LABELS.find((l) => l.label === label) ?? ALL_LABELS.find((l) => l.label.replace(/ /g, '') === squeezed);
  if (exact) return exact;
  let best: { kind: ColumnKind; label: string; distance: number } | undefined;
  for (const l of ALL_LABELS) {
    const allowed = l.label.length >= 9 ? 2 : l.label.length >= 4 ? 1 : 0;
    const distance = editDistance(label, l.label);
    if (distance <= allowed && (!best || distance < best.distance)) best = { ...l, distance };
  }
  return best && { kind: best.kind, label: best.label };
}

function detectBroker(labels: string[]): Broker {
  const scores = (Object.entries(BROKER_SIGNATURES) as [Broker, string[]][])
    .map(([broker, signature]) => ({ broker, score: signature.filter((s) => labels.includes(s)).length }))
    .sort((a, b) => b.score - a.score);
  const [first, second] = scores;
  return first && first.score >= 2 && first.score > (second?.score ?? 0) ? first.broker : 'generic';
}

/**
 * The heading row: the row naming the most columns, with at least a quantity and a price or P&L
 * column. Undefined when no row looks like one.
 */
export function findHeader(rows: Row[]): Header | undefined {
  let best: (Header & { score: number }) | undefined;
  rows.forEach((row, rowIndex) => {
    const cells = cellsOf(row, textHeight(row.words));
    const columns: Column[] = cells.map((cell) => {
      const known = classifyLabel(cell.text);
      return { kind: known?.kind ?? 'other', label: known?.label ?? normalizeLabel(cell.text), x0: cell.x0, x1: cell.x1 };
    });
    const kinds = new Set(columns.map((c) => c.kind));
    if (!kinds.has('quantity') || !(kinds.has('avgPrice') || kinds.has('mark') || kinds.has('pnl'))) return;
    const named = columns.filter((c) => classifyLabel(c.label)).length;
    if (named < 3) return;
    // A heading with no instrument label (thinkorswim can leave it blank): the unnamed leftmost
    // column is it, or the space left of the first heading.
    if (!kinds.has('instrument') && columns[0]?.kind === 'other') columns[0].kind = 'instrument';
    else if (!kinds.has('instrument') && columns[0]) columns.unshift({ kind: 'instrument', label: '', x0: 0, x1: Math.max(0, columns[0].x0 - 1) });
    if (!best || named > best.score) best = { rowIndex, columns: dedupe(columns), broker: detectBroker(columns.map((c) => c.label)), score: named };
  });
  if (!best) return undefined;
  const { score: _score, ...header } = best;
  return header;
}

/** When two columns claim the same kind (e.g. "Price" and "Last"), the first keeps it; the rest are ignored. */
function dedupe(columns: Column[]): Column[] {
  const seen = new Set<ColumnKind>();
  return columns.map((c) => {
    if (c.kind === 'other' || !seen.has(c.kind)) {
      seen.add(c.kind);
      return c;
    }
    return { ...c, kind: 'other' };
  });
}
