import { describe, expect, it } from 'vitest';
import { AlertCreateSchema } from '../../../shared/schemas/alerts';
import type { ScanDefinition, ScanResult } from '../../../shared/schemas/scanner';
import { addSymbols, alertFromResult, coachPromptFor, countNew, formatMetric, groupScans, mergeFeed, metricLabel, nextSort, sortResults } from './scanner';

function result(id: string, symbol: string, scanName: string, score: number, at = 0): ScanResult {
  return {
    id,
    symbol,
    scan: 'gap',
    scanName,
    kind: 'technical',
    score,
    direction: 'bullish',
    reason: 'r',
    metrics: {},
    suggestion: { text: 't' },
    at,
  };
}

describe('result order', () => {
  const rows = [result('a', 'SPY', 'Gap', 40), result('b', 'AAPL', 'VWAP cross', 90), result('c', 'QQQ', 'Gap', 65), result('d', 'AAPL', 'Gap', 65)];
  const ids = (list: ScanResult[]) => list.map((r) => r.id);

  it('sorts by score either way; a tie goes to the symbol A to Z', () => {
    expect(ids(sortResults(rows, { key: 'score', order: 'desc' }))).toEqual(['b', 'd', 'c', 'a']);
    expect(ids(sortResults(rows, { key: 'score', order: 'asc' }))).toEqual(['a', 'd', 'c', 'b']);
  });

  it('sorts by symbol or scan name; equal names keep the best score first', () => {
    expect(ids(sortResults(rows, { key: 'symbol', order: 'asc' }))).toEqual(['b', 'd', 'c', 'a']);
    expect(ids(sortResults(rows, { key: 'symbol', order: 'desc' }))).toEqual(['a', 'c', 'b', 'd']);
    expect(ids(sortResults(rows, { key: 'scan', order: 'asc' }))).toEqual(['d', 'c', 'a', 'b']);
  });

  it('does not reorder the list it was given', () => {
    sortResults(rows, { key: 'symbol', order: 'asc' });
    expect(ids(rows)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('flips the clicked column, and starts a new one high-to-low for the score, A-to-Z for text', () => {
    expect(nextSort({ key: 'score', order: 'desc' }, 'score')).toEqual({ key: 'score', order: 'asc' });
    expect(nextSort({ key: 'score', order: 'desc' }, 'symbol')).toEqual({ key: 'symbol', order: 'asc' });
    expect(nextSort({ key: 'symbol', order: 'asc' }, 'symbol')).toEqual({ key: 'symbol', order: 'desc' });
    expect(nextSort({ key: 'scan', order: 'asc' }, 'score')).toEqual({ key: 'score', order: 'desc' });
  });
});

describe('scan groups', () => {
  const scan = (id: ScanDefinition['id'], kind: ScanDefinition['kind']): ScanDefinition => ({ id, name: id, kind, description: '', params: [] });
  it('puts technical scans before options scans, each in catalog order, and drops an empty group', () => {
    const groups = groupScans([scan('iv_vs_realized', 'options'), scan('gap', 'technical'), scan('skew_extreme', 'options'), scan('vwap_cross', 'technical')]);
    expect(groups.map((g) => [g.kind, g.scans.map((s) => s.id)])).toEqual([
      ['technical', ['gap', 'vwap_cross']],
      ['options', ['iv_vs_realized', 'skew_extreme']],
    ]);
    expect(groupScans([scan('gap', 'technical')]).map((g) => g.kind)).toEqual(['technical']);
  });
});

describe('symbol chips', () => {
  it('adds typed symbols upper-cased, without the index prefix or repeats, after the ones there', () => {
    expect(addSymbols(['SPY'], ' qqq, nvda;spy  I:SPX ')).toEqual(['SPY', 'QQQ', 'NVDA', 'SPX']);
    expect(addSymbols(['SPY'], '  ,')).toEqual(['SPY']);
  });
});

describe('metrics', () => {
  it('names a metric from its key', () => {
    expect(metricLabel('gapPct')).toBe('Gap %');
    expect(metricLabel('atmIv')).toBe('ATM IV');
    expect(metricLabel('distance_atr')).toBe('Distance ATR');
    expect(metricLabel('atr14')).toBe('Atr14');
    expect(metricLabel('openingRangeHigh')).toBe('Opening range high');
  });

  it('shows ratios with four decimals, prices with two, text as is', () => {
    expect(formatMetric(0.123456)).toBe('0.1235');
    expect(formatMetric(6012.5)).toBe('6,012.5');
    expect(formatMetric(1.006)).toBe('1.01');
    expect(formatMetric('PDH')).toBe('PDH');
    expect(formatMetric(null)).toBe('—');
  });
});

describe('actions on a result', () => {
  it('turns a suggested alert into alerts:create input the contract accepts, noting its source', () => {
    const r = { ...result('a', 'SPY', 'Near a key level', 80), suggestion: { text: 'Set an alert at PDH 601.25', action: { type: 'set_alert' as const, symbol: 'SPY', condition: 'crosses_above' as const, price: 601.25, levelName: 'PDH' } } };
    const input = alertFromResult(r);
    expect(input).toEqual({ symbol: 'SPY', condition: 'crosses_above', targetPrice: 601.25, note: 'Scanner: Near a key level at PDH' });
    const parsed = AlertCreateSchema.parse(input);
    expect(parsed).toMatchObject({ level: null, percent: null, triggerMode: 'once' });
  });

  it('suggests no alert when the result has no action', () => {
    expect(alertFromResult(result('a', 'SPY', 'Gap', 50))).toBeUndefined();
  });

  it('asks the coach about the finding with its score rounded', () => {
    expect(coachPromptFor({ symbol: 'QQQ', scanName: 'Gap', score: 72.6, direction: 'bearish', reason: 'Opened 1.2 % below the close.' })).toBe(
      'The scanner flagged QQQ: Gap (score 73, bearish). Opened 1.2 % below the close. How would you trade this, and what would invalidate it?',
    );
  });
});

describe('scheduled finds', () => {
  it('puts new finds first, replaces an older copy of the same finding, and keeps at most the limit', () => {
    const feed = [result('x', 'SPY', 'Gap', 50, 1), result('y', 'QQQ', 'Gap', 60, 1)];
    const merged = mergeFeed(feed, [result('y', 'QQQ', 'Gap', 70, 2), result('z', 'IWM', 'Gap', 55, 2)]);
    expect(merged.map((r) => [r.id, r.score])).toEqual([
      ['y', 70],
      ['z', 55],
      ['x', 50],
    ]);
    expect(mergeFeed(feed, [result('z', 'IWM', 'Gap', 55, 2)], 2).map((r) => r.id)).toEqual(['z', 'x']);
  });

  it('counts as new only the unseen finds still in the capped feed (the tab badge and the card agree)', () => {
    const feed = mergeFeed([result('x', 'SPY', 'Gap', 50, 1)], [result('z', 'IWM', 'Gap', 55, 2)], 1);
    // 'x' was new, then fell off a feed capped at one: 1 new, not 2.
    expect(countNew(feed, new Set(['x', 'z']))).toBe(1);
    expect(countNew(feed, new Set())).toBe(0);
  });
});
