import { describe, expect, it } from 'vitest';
import { SCAN_IDS, TECHNICAL_SCAN_IDS, type ScanResult } from '../../shared/schemas/scanner';
import { resolveParams } from './catalog';
import { rankResults, resultId, runScanRequest, scanSymbol } from './engine';
import { atMinute, DATE, gapInputs, ScriptedScanData } from './testing';

const params = resolveParams();
const at = atMinute(60);

describe('scanSymbol', () => {
  it('turns findings into results keyed scan:symbol:direction:date, with the scan name, kind and time', () => {
    const [result] = scanSymbol('SPY', gapInputs('SPY', 102)(DATE), ['gap'], params, at);
    expect(result).toMatchObject({ id: 'gap:SPY:bullish:2026-12-01', symbol: 'SPY', scan: 'gap', scanName: 'Gap up / down', kind: 'technical', direction: 'bullish', score: 100, at });
    expect(resultId('gap', 'SPY', 'bullish', DATE)).toBe(result!.id);
  });

  it('runs only the scans asked for, and the options scans only on options inputs', () => {
    expect(scanSymbol('SPY', gapInputs('SPY', 102)(DATE), ['near_level', 'iv_vs_realized'], params, at)).toEqual([]);
    expect(scanSymbol('SPY', { technical: null, options: null }, SCAN_IDS, params, at)).toEqual([]);
  });
});

describe('rankResults', () => {
  it('orders by score, then symbol, then id', () => {
    const r = (id: string, symbol: string, score: number) => ({ id, symbol, score }) as ScanResult;
    expect(rankResults([r('b', 'QQQ', 60), r('a', 'SPY', 80), r('c', 'AAPL', 60), r('a', 'AAPL', 60)]).map((x) => `${x.symbol}/${x.id}`)).toEqual(['SPY/a', 'AAPL/a', 'AAPL/c', 'QQQ/b']);
  });
});

describe('runScanRequest', () => {
  it('loads each symbol once, lists the ones that fail without stopping the others, ranks and limits the results', async () => {
    const data = new ScriptedScanData(() => at).set('SPY', gapInputs('SPY', 101.5)).set('QQQ', gapInputs('QQQ', 97)).fail('IWM', new Error('provider down'));
    const run = await runScanRequest(data, { scans: TECHNICAL_SCAN_IDS, symbols: ['SPY', 'IWM', 'QQQ', 'ZZZZ'], params }, () => at);
    expect(data.loads).toEqual(['SPY', 'IWM', 'QQQ', 'ZZZZ'].map((symbol) => ({ symbol, withOptions: false, at })));
    expect(run).toMatchObject({ runAt: at, symbols: ['SPY', 'IWM', 'QQQ', 'ZZZZ'], scans: [...TECHNICAL_SCAN_IDS] });
    // Gaps of −3 % (score 100) and +1.5 % (75).
    expect(run.results.map((r) => [r.id, r.score])).toEqual([
      ['gap:QQQ:bearish:2026-12-01', 100],
      ['gap:SPY:bullish:2026-12-01', 75],
    ]);
    expect(run.errors).toEqual([
      { symbol: 'IWM', message: 'provider down' },
      { symbol: 'ZZZZ', message: 'Unknown symbol ZZZZ' },
    ]);
    expect(run.ms).toBeGreaterThanOrEqual(0);
    const limited = await runScanRequest(data, { scans: ['gap'], symbols: ['SPY', 'QQQ'], params, limit: 1 }, () => at);
    expect(limited.results.map((r) => r.symbol)).toEqual(['QQQ']);
  });

  it('asks for chains only when an options scan is chosen', async () => {
    const data = new ScriptedScanData(() => at).set('SPY', gapInputs('SPY', 100));
    await runScanRequest(data, { scans: ['gap', 'skew_extreme'], symbols: ['SPY'], params }, () => at);
    expect(data.loads).toEqual([{ symbol: 'SPY', withOptions: true, at }]);
  });
});
