import { z } from 'zod';
import { CoachError } from '../../../shared/errors';
import { MAX_SCAN_WIDGET_ROWS, type Widget } from '../../../shared/schemas/chat-widgets';
import { OPTIONS_SCAN_IDS, ScanIdSchema, ScanKindSchema, TECHNICAL_SCAN_IDS, type ScanId, type ScanKind, type ScanResult, type ScanRunResult } from '../../../shared/schemas/scanner';
import { scanDefinitions } from '../../scanner/catalog';
import { defineFunction } from '../types';
import { symbolArg } from './lib/args';
import { newYorkTime, round } from './lib/round';

/** Results the model reads by default, and at most. */
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 50;
/** Symbols one chat request may scan (the default watchlist has 25). */
const MAX_SYMBOLS = 50;

const SCANS_OF_KIND: Record<ScanKind, readonly ScanId[]> = { technical: TECHNICAL_SCAN_IDS, options: OPTIONS_SCAN_IDS };

/** "gap (Gap up / down, technical)": every scan as the model may name it. */
const SCAN_LIST = scanDefinitions()
  .map((d) => `${d.id} (${d.name}, ${d.kind})`)
  .join('; ');

export const scanOpportunities = defineFunction({
  name: 'scan_opportunities',
  description:
    'Run the opportunity scanner now: technical scans (near a key level, opening-range breakout, gap, VWAP reclaim/loss, new intraday high/low, ATR expansion, relative volume) and options scans (IV vs realised volatility, unusual volume vs open interest, skew, straddle vs ATR, credit spreads) over symbols (default the watchlist). Each result has a score 0-100 (50 = the threshold just met), a direction, the reason with its numbers, and a suggested alert. Use it for "scan for setups", "any opportunities on QQQ", "find gap ups", "what\'s moving".',
  parameters: z
    .object({
      scans: z.array(ScanIdSchema).min(1).max(OPTIONS_SCAN_IDS.length + TECHNICAL_SCAN_IDS.length).optional().describe(`Scans to run; default all of them (or all of 'kind'). The scans: ${SCAN_LIST}`),
      symbols: z.array(symbolArg()).min(1).max(MAX_SYMBOLS).optional().describe("Symbols to scan, e.g. ['QQQ', 'NVDA']; default the watchlist (the trader's preferred symbols, the indices and the largest US stocks)"),
      limit: z.number().int().min(1).max(MAX_LIMIT).optional().describe(`Most results to return, best score first; default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT}`),
      kind: ScanKindSchema.optional().describe("Only the 'technical' scans (bars and key levels) or only the 'options' scans (one chain per symbol)"),
    })
    .strict(),
  label: 'Scanning for setups…',
  async run({ scans, symbols, limit = DEFAULT_LIMIT, kind }, ctx) {
    const chosen = kind ? scansOfKind(kind, scans) : scans;
    // The whole ranking comes back, so the model learns how many were found beyond those it reads.
    const run = await ctx.call('scanner:run', { ...(chosen ? { scans: chosen } : {}), ...(symbols ? { symbols } : {}) });
    return { result: summarizeScan(run, limit), widget: scanResultsWidget(run) };
  },
});

/** The scans of `kind`, among `scans` when given; refused when none of them is of that kind. */
function scansOfKind(kind: ScanKind, scans: readonly ScanId[] | undefined): ScanId[] {
  const ofKind = SCANS_OF_KIND[kind];
  if (!scans) return [...ofKind];
  const kept = scans.filter((id) => ofKind.includes(id));
  if (!kept.length) throw new CoachError('invalid_input', `None of the scans asked for (${scans.join(', ')}) is among the ${kind} scans: ${ofKind.join(', ')}`);
  return kept;
}

/** What the model and the card both show of a finding. */
const finding = (r: ScanResult) => ({ symbol: r.symbol, scan: r.scan, scanName: r.scanName, score: round(r.score, 1), direction: r.direction, reason: r.reason });

function compactResult(r: ScanResult) {
  const action = r.suggestion.action;
  return {
    ...finding(r),
    metrics: r.metrics,
    suggestion: r.suggestion.text,
    /** The alert the suggestion would set (set_alert takes these), or null. */
    alert: action ? { symbol: action.symbol, condition: action.condition, price: action.price, level: action.levelName ?? null } : null,
  };
}

export function summarizeScan(run: ScanRunResult, limit: number) {
  const top = run.results.slice(0, limit);
  return {
    scannedAt: newYorkTime(run.runAt),
    symbols: run.symbols,
    scans: run.scans,
    /** Results found in all; `results` are the best `shown` of them. */
    found: run.results.length,
    shown: top.length,
    results: top.map(compactResult),
    failed: run.errors,
    ...(run.results.length ? {} : { note: 'No scan met its threshold on these symbols right now' }),
  };
}

export function scanResultsWidget(run: ScanRunResult): Widget {
  const found = run.results.length;
  const symbols = run.symbols.length <= 3 ? run.symbols.join(', ') : `${run.symbols.length} symbols`;
  return {
    type: 'scan_results',
    title: `Scanner · ${found} ${found === 1 ? 'result' : 'results'} on ${symbols}`,
    data: {
      runAt: run.runAt,
      symbolCount: run.symbols.length,
      scans: run.scans,
      found,
      rows: run.results.slice(0, MAX_SCAN_WIDGET_ROWS).map((r) => ({ id: r.id, ...finding(r), suggestion: r.suggestion })),
      failed: run.errors.map((e) => e.symbol),
    },
  };
}
