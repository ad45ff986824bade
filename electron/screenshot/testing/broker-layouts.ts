import type { Broker, ConfirmedPosition } from '../../../shared/schemas/screenshot';

/**
 * HTML that looks like each broker's positions table (column names, how an instrument is written,
 * number formats, colours), generated from hand-written truth. Extra columns a real table has
 * (Days, Market Value, P/L %, Net Liq…) are there on purpose: the parser must ignore them.
 */

export type Theme = 'light' | 'dark';

/** The date the fixtures are "taken" on (days to expiry are counted from it). */
export const FIXTURE_AS_OF = '2026-12-02';

interface Palette {
  bg: string;
  fg: string;
  head: string;
  border: string;
  up: string;
  down: string;
  stripe: string;
}

type Tone = 'up' | 'down' | 'plain';
interface Cell {
  text: string;
  tone?: Tone;
}
interface Column {
  head: string;
  align: 'left' | 'right';
  cell: (p: ConfirmedPosition, row: number) => Cell | string;
}

interface Layout {
  font: string;
  fontSize: number;
  toolbar: string;
  footer: string;
  columns: Column[];
  /** A closing row some brokers show (totals), as cells under the given column heads. */
  totals?: (positions: ConfirmedPosition[]) => Record<string, Cell | string>;
  palettes: Record<Theme, Palette>;
}

const SANS = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif";
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

const isOption = (p: ConfirmedPosition) => p.assetType !== 'stock';
const multiplier = (p: ConfirmedPosition) => (isOption(p) ? 100 : 1);
const signedQty = (p: ConfirmedPosition) => (p.side === 'short' ? -p.quantity : p.quantity);

function dateParts(iso: string) {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { y, m, d, yy: String(y % 100).padStart(2, '0'), dd: String(d).padStart(2, '0'), mm: String(m).padStart(2, '0') };
}

function daysToExpiry(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.parse(`${FIXTURE_AS_OF}T00:00:00Z`)) / 86_400_000);
}

/** Monthly options expire on the third Friday; other dates are weeklies (SPXW root, "(Weeklys)"). */
function isThirdFriday(iso: string): boolean {
  const { d } = dateParts(iso);
  return new Date(`${iso}T12:00:00Z`).getUTCDay() === 5 && d >= 15 && d <= 21;
}

function num(n: number, decimals = 2): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

const tone = (n: number): Tone => (n > 0 ? 'up' : n < 0 ? 'down' : 'plain');
const strikeText = (p: ConfirmedPosition) => String(p.strike);

function occ(p: ConfirmedPosition, root: string, space: string): string {
  const { yy, mm, dd } = dateParts(p.expiry!);
  const strike = String(Math.round(p.strike! * 1000)).padStart(8, '0');
  return `${root}${space}${yy}${mm}${dd}${p.assetType === 'call' ? 'C' : 'P'}${strike}`;
}

/** A day's P&L the fixtures invent (a column the parser must not take for the open P&L). */
const dayPnl = (p: ConfirmedPosition, row: number) => Math.round(p.pnl! * (0.18 + 0.07 * row)) + 0.25 * (row % 3);

const DARK: Palette = { bg: '#131722', fg: '#d1d4dc', head: '#8a8f9c', border: '#2a2e39', up: '#26a69a', down: '#ef5350', stripe: '#171b26' };
const LIGHT: Palette = { bg: '#ffffff', fg: '#131722', head: '#5d606b', border: '#e0e3eb', up: '#089981', down: '#e0301e', stripe: '#f7f8fa' };

const LAYOUTS: Record<Broker, Layout> = {
  thinkorswim: {
    font: SANS,
    fontSize: 12,
    toolbar: 'Position Statement for 86****12 (Individual) &nbsp;&nbsp; Net Liq: $84,512.33 &nbsp;&nbsp; Option Buying Power: $12,004.10',
    footer: 'Beta Weighting: off &nbsp;&nbsp; Show groups by: Symbol',
    columns: [
      {
        head: 'Instrument',
        align: 'left',
        cell: (p) => {
          if (!isOption(p)) return p.symbol;
          const { dd, m, yy } = dateParts(p.expiry!);
          const weekly = isThirdFriday(p.expiry!) ? '' : ' (Weeklys)';
          return `${p.symbol} 100${weekly} ${dd} ${MONTHS[m - 1]} ${yy} ${strikeText(p)} ${p.assetType.toUpperCase()}`;
        },
      },
      { head: 'Qty', align: 'right', cell: (p) => ({ text: p.side === 'short' ? `-${num(p.quantity, 0)}` : `+${num(p.quantity, 0)}`, tone: p.side === 'short' ? 'down' : 'up' }) },
      { head: 'Days', align: 'right', cell: (p) => (isOption(p) ? String(daysToExpiry(p.expiry!)) : '') },
      { head: 'Trade Price', align: 'right', cell: (p) => num(p.avgPrice!) },
      { head: 'Mark', align: 'right', cell: (p) => num(p.mark!) },
      { head: 'P/L Open', align: 'right', cell: (p) => ({ text: p.pnl! < 0 ? `($${num(-p.pnl!)})` : `$${num(p.pnl!)}`, tone: tone(p.pnl!) }) },
      { head: 'P/L Day', align: 'right', cell: (p, row) => ({ text: dayPnl(p, row) < 0 ? `($${num(-dayPnl(p, row))})` : `$${num(dayPnl(p, row))}`, tone: tone(dayPnl(p, row)) }) },
    ],
    totals: (ps) => {
      const total = ps.reduce((s, p) => s + p.pnl!, 0);
      return { Instrument: 'Overall Totals', 'P/L Open': { text: `$${num(total)}`, tone: tone(total) } };
    },
    palettes: {
      dark: { bg: '#1b1b1b', fg: '#e8e8e8', head: '#9b9b9b', border: '#333333', up: '#3fbf3f', down: '#ff4d4d', stripe: '#222222' },
      light: { bg: '#ffffff', fg: '#1a1a1a', head: '#555555', border: '#d6d6d6', up: '#0a8a0a', down: '#d00000', stripe: '#f3f3f3' },
    },
  },
  ibkr: {
    font: SANS,
    fontSize: 13,
    toolbar: 'Portfolio &nbsp;&nbsp; U1234567 &nbsp;&nbsp; Net Liquidation 152,384.20 &nbsp;&nbsp; Excess Liquidity 61,020.75',
    footer: 'Data is delayed for some instruments',
    columns: [
      {
        head: 'Financial Instrument',
        align: 'left',
        cell: (p) => {
          if (!isOption(p)) return p.symbol;
          const { dd, m, yy } = dateParts(p.expiry!);
          return `${p.symbol} ${MONTHS[m - 1]}${dd}'${yy} ${strikeText(p)} ${p.assetType.toUpperCase()}`;
        },
      },
      { head: 'Position', align: 'right', cell: (p) => num(signedQty(p), 0) },
      { head: 'Avg Price', align: 'right', cell: (p) => num(p.avgPrice!) },
      { head: 'Last', align: 'right', cell: (p) => num(p.mark!) },
      { head: 'Market Value', align: 'right', cell: (p) => num(signedQty(p) * p.mark! * multiplier(p), 0) },
      { head: 'Unrealized P&L', align: 'right', cell: (p) => ({ text: num(p.pnl!), tone: tone(p.pnl!) }) },
    ],
    palettes: {
      dark: { bg: '#0d0d0d', fg: '#dcdcdc', head: '#a0a0a0', border: '#2b2b2b', up: '#00c000', down: '#ff3030', stripe: '#151515' },
      light: LIGHT,
    },
  },
  robinhood: {
    font: SANS,
    fontSize: 14,
    toolbar: 'Investing &nbsp;&nbsp; $41,873.12 &nbsp;&nbsp; Buying power $3,210.44',
    footer: 'Options positions are shown per share; one contract is 100 shares.',
    columns: [
      {
        head: 'Name',
        align: 'left',
        cell: (p) => {
          if (!isOption(p)) return p.symbol;
          const { m, d, yy } = dateParts(p.expiry!);
          const kind = p.assetType === 'call' ? 'Call' : 'Put';
          return `${p.symbol} $${num(p.strike!, 0)} ${kind} ${m}/${d}/${yy}`;
        },
      },
      { head: 'Quantity', align: 'right', cell: (p) => (p.side === 'short' ? `\u2212${num(p.quantity, 0)}` : num(p.quantity, 0)) },
      { head: 'Avg cost', align: 'right', cell: (p) => (p.side === 'short' ? `$${num(p.avgPrice!)} credit` : `$${num(p.avgPrice!)}`) },
      { head: 'Current price', align: 'right', cell: (p) => `$${num(p.mark!)}` },
      { head: 'Total return', align: 'right', cell: (p) => ({ text: p.pnl! < 0 ? `-$${num(-p.pnl!)}` : `+$${num(p.pnl!)}`, tone: tone(p.pnl!) }) },
      {
        head: 'Equity',
        align: 'right',
        cell: (p) => {
          const equity = signedQty(p) * p.mark! * multiplier(p);
          return equity < 0 ? `-$${num(-equity)}` : `$${num(equity)}`;
        },
      },
    ],
    palettes: {
      dark: { bg: '#1e2124', fg: '#ffffff', head: '#9ba1a6', border: '#2f3336', up: '#00c805', down: '#ff5000', stripe: '#1e2124' },
      light: { bg: '#ffffff', fg: '#000000', head: '#6f7a80', border: '#e3e9ed', up: '#00a805', down: '#e8440e', stripe: '#ffffff' },
    },
  },
  webull: {
    font: SANS,
    fontSize: 12,
    toolbar: 'Positions (5) &nbsp;&nbsp; Orders &nbsp;&nbsp; Net Account Value 58,902.16 &nbsp;&nbsp; Day P&L +312.40',
    footer: 'Quotes by Nasdaq Basic. Options quotes delayed 15 min.',
    columns: [
      { head: 'Symbol', align: 'left', cell: (p) => (isOption(p) ? occ(p, p.symbol === 'SPX' && !isThirdFriday(p.expiry!) ? 'SPXW' : p.symbol, '') : p.symbol) },
      { head: 'Qty', align: 'right', cell: (p) => num(signedQty(p), 0) },
      { head: 'Avg Cost', align: 'right', cell: (p) => num(p.avgPrice!, 3) },
      { head: 'Last Price', align: 'right', cell: (p) => num(p.mark!) },
      { head: 'Mkt Value', align: 'right', cell: (p) => num(signedQty(p) * p.mark! * multiplier(p)) },
      { head: 'Unrealized P/L', align: 'right', cell: (p) => ({ text: `${p.pnl! > 0 ? '+' : ''}${num(p.pnl!)}`, tone: tone(p.pnl!) }) },
      {
        head: 'P/L %',
        align: 'right',
        cell: (p) => {
          const pct = (p.pnl! / (p.avgPrice! * p.quantity * multiplier(p))) * 100;
          return { text: `${pct > 0 ? '+' : ''}${num(pct)}%`, tone: tone(pct) };
        },
      },
    ],
    palettes: { dark: DARK, light: LIGHT },
  },
  tastytrade: {
    font: SANS,
    fontSize: 13,
    toolbar: 'Positions &nbsp;&nbsp; 5WT12345 Individual &nbsp;&nbsp; Net Liq $27,640.08 &nbsp;&nbsp; BP $9,115.50',
    footer: 'Group by: Underlying &nbsp;&nbsp; Show: All',
    columns: [
      {
        head: 'Symbol',
        align: 'left',
        cell: (p) => {
          if (!isOption(p)) return p.symbol;
          const { m, d, yy } = dateParts(p.expiry!);
          return `${p.symbol} ${m}/${d}/${yy} ${strikeText(p)} ${p.assetType === 'call' ? 'C' : 'P'}`;
        },
      },
      { head: 'Qty', align: 'right', cell: (p) => ({ text: num(signedQty(p), 0), tone: p.side === 'short' ? 'down' : 'plain' }) },
      { head: 'DTE', align: 'right', cell: (p) => (isOption(p) ? `${daysToExpiry(p.expiry!)}d` : '') },
      { head: 'Trade Price', align: 'right', cell: (p) => num(p.avgPrice!) },
      { head: 'Mark', align: 'right', cell: (p) => num(p.mark!) },
      { head: 'P/L Open', align: 'right', cell: (p) => ({ text: num(p.pnl!), tone: tone(p.pnl!) }) },
      { head: 'Net Liq', align: 'right', cell: (p) => num(signedQty(p) * p.mark! * multiplier(p)) },
    ],
    palettes: {
      dark: { bg: '#161a25', fg: '#e6e9ef', head: '#8c93a3', border: '#262c3a', up: '#3ccf91', down: '#f25c5c', stripe: '#1a1f2c' },
      light: { bg: '#fbfbfd', fg: '#1d2230', head: '#6b7280', border: '#e2e5ec', up: '#11875d', down: '#cc2936', stripe: '#f2f3f7' },
    },
  },
  generic: {
    font: SANS,
    fontSize: 13,
    toolbar: 'Account Positions &nbsp;&nbsp; As of 12/02/2026 10:41 ET',
    footer: 'Prices per share; option P&amp;L uses a 100 multiplier.',
    columns: [
      { head: 'Symbol', align: 'left', cell: (p) => (isOption(p) ? occ(p, p.symbol, ' ') : p.symbol) },
      { head: 'Qty', align: 'right', cell: (p) => num(signedQty(p), 0) },
      { head: 'Avg Price', align: 'right', cell: (p) => num(p.avgPrice!) },
      { head: 'Mark', align: 'right', cell: (p) => num(p.mark!) },
      { head: 'P&L', align: 'right', cell: (p) => ({ text: num(p.pnl!), tone: tone(p.pnl!) }) },
    ],
    palettes: { dark: DARK, light: LIGHT },
  },
};

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function td(cell: Cell | string | undefined, align: 'left' | 'right', palette: Palette): string {
  const c = typeof cell === 'string' || cell === undefined ? { text: cell ?? '' } : cell;
  const color = c.tone === 'up' ? palette.up : c.tone === 'down' ? palette.down : palette.fg;
  return `<td style="text-align:${align};color:${color}">${escapeHtml(c.text)}</td>`;
}

/** The whole page; the screenshot is taken of `#shot` (toolbar, table, footer). */
export function brokerHtml(broker: Broker, theme: Theme, positions: ConfirmedPosition[]): string {
  const layout = LAYOUTS[broker];
  const pal = layout.palettes[theme];
  const head = layout.columns.map((c) => `<th style="text-align:${c.align}">${escapeHtml(c.head)}</th>`).join('');
  const rows = positions.map((p, i) => `<tr>${layout.columns.map((c) => td(c.cell(p, i), c.align, pal)).join('')}</tr>`);
  if (layout.totals) {
    const totals = layout.totals(positions);
    rows.push(`<tr class="totals">${layout.columns.map((c) => td(totals[c.head], c.align, pal)).join('')}</tr>`);
  }
  return `<!doctype html>
<html><head><meta charset="utf-8"><style>
  body { margin: 0; padding: 24px; background: ${pal.bg}; font-family: ${layout.font}; }
  #shot { display: inline-block; padding: 10px 14px 12px; background: ${pal.bg}; color: ${pal.fg}; font-size: ${layout.fontSize}px; }
  .bar { color: ${pal.head}; padding: 2px 2px 10px; border-bottom: 1px solid ${pal.border}; margin-bottom: 6px; white-space: nowrap; }
  .foot { color: ${pal.head}; padding: 10px 2px 0; font-size: ${layout.fontSize - 1}px; white-space: nowrap; }
  table { border-collapse: collapse; white-space: nowrap; }
  th { color: ${pal.head}; font-weight: 600; padding: 6px 14px; border-bottom: 1px solid ${pal.border}; }
  td { padding: 7px 14px; border-bottom: 1px solid ${pal.border}; }
  tr:nth-child(even) td { background: ${pal.stripe}; }
  tr.totals td { font-weight: 600; border-top: 1px solid ${pal.border}; }
</style></head><body>
<div id="shot" data-broker="${broker}" data-theme="${theme}">
  <div class="bar">${layout.toolbar}</div>
  <table><thead><tr>${head}</tr></thead><tbody>
${rows.join('\n')}
  </tbody></table>
  <div class="foot">${layout.footer}</div>
</div>
</body></html>`;
}
