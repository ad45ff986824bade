import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WidgetSchema } from '../../../shared/schemas/chat-widgets';
import { OPTIONS_SCAN_IDS, SCAN_IDS, TECHNICAL_SCAN_IDS, type ScanResult, type ScanRunInput, type ScanRunResult } from '../../../shared/schemas/scanner';
import { startFunctionHost, type FunctionHost } from './lib/testing';
import { scanOpportunities, scanResultsWidget, summarizeScan } from './scan-opportunities';

/** A finding as the scanner reports it; `n` makes its id, symbol and score distinct. */
function finding(n: number, fields: Partial<ScanResult> = {}): ScanResult {
  return {
    id: `gap:S${n}:bullish:2026-12-01`,
    symbol: `S${n}`,
    scan: 'gap',
    scanName: 'Gap up / down',
    kind: 'technical',
    score: 100 - n,
    direction: 'bullish',
    reason: `Gapped up ${n} %`,
    metrics: { gapPct: n / 100, opened: 'yes', level: null },
    suggestion: { text: 'Set an alert at PDC 600.12 (crosses below): the gap fills', action: { type: 'set_alert', symbol: `S${n}`, condition: 'crosses_below', price: 600.12, levelName: 'PDC' } },
    at: 1_764_600_000_000,
    ...fields,
  };
}

const run = (results: ScanResult[], fields: Partial<ScanRunResult> = {}): ScanRunResult => ({
  // 2025-12-01 15:00 UTC = 10:00 in New York.
  runAt: Date.parse('2025-12-01T15:00:00Z'),
  symbols: ['SPY', 'QQQ'],
  scans: ['gap'],
  results,
  errors: [],
  ms: 12,
  ...fields,
});

describe('scan_opportunities: what the model and the card get (plain data)', () => {
  it('the model reads the best `limit` results with their numbers and the alert each suggests; the count found stays', () => {
    const plain = finding(7, { suggestion: { text: 'Watch the open interest' } });
    const summary = summarizeScan(run([finding(1), finding(2), plain]), 2);
    expect(summary).toMatchObject({ scannedAt: '2025-12-01 10:00 ET', symbols: ['SPY', 'QQQ'], scans: ['gap'], found: 3, shown: 2, failed: [] });
    expect(summary.results[0]).toEqual({
      symbol: 'S1',
      scan: 'gap',
      scanName: 'Gap up / down',
      score: 99,
      direction: 'bullish',
      reason: 'Gapped up 1 %',
      metrics: { gapPct: 0.01, opened: 'yes', level: null },
      suggestion: 'Set an alert at PDC 600.12 (crosses below): the gap fills',
      alert: { symbol: 'S1', condition: 'crosses_below', price: 600.12, level: 'PDC' },
    });
    expect(summarizeScan(run([plain]), 10).results[0]!.alert).toBeNull();
    expect(summarizeScan(run([]), 10)).toMatchObject({ found: 0, shown: 0, results: [], note: expect.stringMatching(/^No scan met its threshold/) });
  });

  it('the card keeps ten rows of twelve, with the suggestion the Scanner tab sets alerts from, and fits its schema', () => {
    const failed = { symbol: 'ZZZQ', message: 'Unknown symbol ZZZQ' };
    const widget = scanResultsWidget(run(Array.from({ length: 12 }, (_, i) => finding(i + 1)), { errors: [failed] }));
    expect(WidgetSchema.parse(widget)).toEqual(widget);
    if (widget.type !== 'scan_results') throw new Error(widget.type);
    expect(widget.title).toBe('Scanner · 12 results on SPY, QQQ');
    expect(widget.data).toMatchObject({ symbolCount: 2, scans: ['gap'], found: 12, failed: ['ZZZQ'] });
    expect(widget.data.rows.map((r) => r.symbol)).toEqual(['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9', 'S10']);
    expect(widget.data.rows[0]).toEqual({ id: 'gap:S1:bullish:2026-12-01', symbol: 'S1', scan: 'gap', scanName: 'Gap up / down', score: 99, direction: 'bullish', reason: 'Gapped up 1 %', suggestion: finding(1).suggestion });
  });
});

/**
 * A host whose clock stands still at Wednesday 2025-12-17 11:00 New York time (16:00 UTC), in the
 * regular session: the simulated market then shows the same minute to the function and to the
 * test's own `scanner:run`, whatever the wall clock says.
 */
const FROZEN_AT = Date.parse('2025-12-17T16:00:00Z');

describe('scan_opportunities through a real host (simulated market, clock frozen in a session)', () => {
  let h: FunctionHost;
  beforeAll(async () => {
    // Only Date: timers, sockets and the database keep running.
    vi.useFakeTimers({ toFake: ['Date'], now: FROZEN_AT });
    h = await startFunctionHost();
  });
  afterAll(async () => {
    await h.t.close();
    vi.useRealTimers();
  });

  /** The function's outcome and the test's own `scanner:run` of the same request. */
  async function runBoth(args: Record<string, unknown>, direct: ScanRunInput) {
    const outcome = await h.run(scanOpportunities, args);
    return { ...outcome, direct: await h.call('scanner:run', direct) };
  }

  it('finds what scanner:run finds for the same scans and symbols, best first, the top `limit` for the model and ten on the card', async () => {
    const symbols = ['SPY', 'QQQ', 'AAPL', 'NVDA', 'MSFT', 'IWM'];
    const { result, widget, direct } = await runBoth({ scans: [...TECHNICAL_SCAN_IDS], symbols: symbols.map((s) => ` $${s.toLowerCase()} `), limit: 4 }, { scans: [...TECHNICAL_SCAN_IDS], symbols });
    // Six symbols through seven technical scans find something on any simulated day (a level within 0.1 ATR, a gap, a move...).
    expect(direct.results.length).toBeGreaterThan(4);
    expect(result).toMatchObject({ scannedAt: '2025-12-17 11:00 ET', symbols, scans: [...TECHNICAL_SCAN_IDS], found: direct.results.length, shown: 4, failed: [] });
    const results = result.results as Record<string, unknown>[];
    expect(results).toEqual(
      direct.results.slice(0, 4).map((r) => ({
        symbol: r.symbol,
        scan: r.scan,
        scanName: r.scanName,
        score: r.score,
        direction: r.direction,
        reason: r.reason,
        metrics: r.metrics,
        suggestion: r.suggestion.text,
        alert: r.suggestion.action ? { symbol: r.symbol, condition: r.suggestion.action.condition, price: r.suggestion.action.price, level: r.suggestion.action.levelName ?? null } : null,
      })),
    );
    const scores = results.map((r) => r.score as number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    expect(widget?.type).toBe('scan_results');
    if (widget?.type !== 'scan_results') return;
    expect(widget.data.found).toBe(direct.results.length);
    expect(widget.data.rows.map((r) => r.id)).toEqual(direct.results.slice(0, 10).map((r) => r.id));
    expect(widget.data.rows.map((r) => r.suggestion)).toEqual(direct.results.slice(0, 10).map((r) => r.suggestion));
  });

  it("reads ten results by default; the contract's limit gives the same top ten", async () => {
    const symbols = ['SPY', 'QQQ', 'AAPL', 'NVDA', 'MSFT', 'IWM', 'AMZN', 'META'];
    const { result, direct } = await runBoth({ symbols, kind: 'technical' }, { scans: [...TECHNICAL_SCAN_IDS], symbols, limit: 10 });
    expect(result.shown).toBe(Math.min(10, direct.results.length));
    expect((result.results as { reason: string }[]).map((r) => r.reason)).toEqual(direct.results.map((r) => r.reason));
  });

  it("kind 'options' runs the options scans only; a symbol without data is listed as failed", async () => {
    const { result, widget } = await h.run(scanOpportunities, { symbols: ['SPY', 'ZZZQ'], kind: 'options', limit: 50 });
    expect(result.scans).toEqual([...OPTIONS_SCAN_IDS]);
    expect(result.failed).toEqual([{ symbol: 'ZZZQ', message: expect.stringMatching(/^Unknown symbol ZZZQ/) }]);
    for (const r of result.results as { scan: string; symbol: string }[]) {
      expect(OPTIONS_SCAN_IDS).toContain(r.scan);
      expect(r.symbol).toBe('SPY');
    }
    expect(widget).toMatchObject({ type: 'scan_results', data: { failed: ['ZZZQ'] } });
  });

  it('refuses an unknown scan naming every scan there is, and scans that are not of the kind asked for', async () => {
    const valid = SCAN_IDS.join(', ');
    await expect(h.run(scanOpportunities, { scans: ['momentum'] })).rejects.toThrow(`Invalid arguments for scan_opportunities: scans.0: Scan must be one of ${valid}`);
    await expect(h.run(scanOpportunities, { scans: ['gap', 'vwap_cross'], kind: 'options' })).rejects.toThrow(
      `None of the scans asked for (gap, vwap_cross) is among the options scans: ${OPTIONS_SCAN_IDS.join(', ')}`,
    );
    await expect(h.run(scanOpportunities, { limit: 51 })).rejects.toThrow(/^Invalid arguments for scan_opportunities: limit: /);
    await expect(h.run(scanOpportunities, { symbols: [] })).rejects.toThrow(/^Invalid arguments for scan_opportunities: symbols: /);
    expect(scanOpportunities.parameters.safeParse({ scan: ['gap'] }).success).toBe(false);
  });
});
