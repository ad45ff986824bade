import { describe, expect, it } from 'vitest';
import { SCAN_IDS } from '../../../../../shared/schemas/scanner';
import { planTurn } from '../intent';
import { composeNext } from './index';
import { alertRequest } from './scan';
import { TODAY, answers, errorRecord, okRecord } from './testing';

/**
 * Scanner answers composed from a scripted scan_opportunities result (its real shape): the numbers
 * the scanner gave, the wording of each experience level, and the top suggested alert as a request
 * this coach reads back as set_alert.
 */

const row = (symbol: string, scan: string, scanName: string, score: number, direction: string, reason: string, suggestion: string, alert: Record<string, unknown> | null = null) => ({
  symbol, scan, scanName, score, direction, reason, metrics: {}, suggestion, alert,
});

const ROWS = [
  row('AAPL', 'opening_range_breakout', 'Opening-range breakout', 100, 'bullish', 'AAPL 223.13 broke above the 15-minute opening range high 221.96 by 1.17.',
    'Set an alert at ORH 15m 221.96 (crosses below): back inside the range is a failed breakout', { symbol: 'AAPL', condition: 'crosses_below', price: 221.96, level: 'ORH 15m' }),
  row('IWM', 'skew_extreme', 'Skew extreme', 100, 'bearish', 'IWM 25-delta puts trade 18.4 vol points over 25-delta calls.', 'Set an alert at 212.00 (crosses below): the feared drop reaches the 25-delta put',
    { symbol: 'IWM', condition: 'crosses_below', price: 212, level: null }),
  row('AAPL', 'iv_vs_realized', 'IV rich vs realised volatility', 87.5, 'neutral', "AAPL's at-the-money IV 25.8 % is 1.62× its 20-day realised volatility 15.9 %.", 'Favour defined-risk premium selling over buying options.'),
  row('QQQ', 'gap', 'Gap up / down', 72.4, 'bearish', 'QQQ opened 1.20 % below the prior close 526.70.', 'Set an alert at PDC 526.70 (crosses above): the gap fills', { symbol: 'QQQ', condition: 'crosses_above', price: 526.7, level: 'PDC' }),
  row('NVDA', 'new_intraday_extreme', 'New intraday high / low', 66, 'bullish', 'NVDA made a new high of the day 152.40 at 10:58.', 'Set an alert at 151.00 (below)', { symbol: 'NVDA', condition: 'below', price: 151, level: null }),
  row('SPY', 'near_level', 'Near a key level', 55.1, 'bearish', 'SPY 601.10 is 0.40 below PDH 601.50.', 'Set an alert at PDH 601.50 (crosses above): resistance breaks', { symbol: 'SPY', condition: 'crosses_above', price: 601.5, level: 'PDH' }),
  row('SPY', 'vwap_cross', 'VWAP reclaim / loss', 51, 'bullish', 'SPY crossed above VWAP 600.20 at 10:52.', 'Set an alert at VWAP 600.20 (crosses below)', { symbol: 'SPY', condition: 'crosses_below', price: 600.2, level: 'VWAP' }),
];

const RESULT = {
  scannedAt: `${TODAY} 11:00 ET`,
  symbols: ['SPY', 'QQQ', 'AAPL', 'NVDA', 'IWM'],
  scans: [...SCAN_IDS],
  found: 7,
  shown: 7,
  results: ROWS,
  failed: [{ symbol: 'ZZZQ', message: 'Unknown symbol ZZZQ.' }],
};

const scan = (result: unknown = RESULT, args: Record<string, unknown> = {}) => okRecord('scan_opportunities', args, result);

describe('scanner answers', () => {
  it('names the best setups with their scores and reasons, and offers the top alert as a request (intermediate)', () => {
    const { intermediate } = answers(scan());
    const lines = intermediate.split('\n');
    expect(lines[0]).toBe('The scanner ran 12 scans over 5 symbols (11:00 ET today) and found **7** setups; the best 5:');
    expect(intermediate).toContain('- **AAPL** · Opening-range breakout · score **100** · bullish — AAPL 223.13 broke above the 15-minute opening range high 221.96 by 1.17.');
    expect(intermediate).toContain('- **QQQ** · Gap up / down · score **72.4** · bearish — QQQ opened 1.20 % below the prior close 526.70.');
    expect(intermediate).toContain('- **NVDA** · New intraday high / low · score **66** · bullish');
    // The sixth and seventh are on the card only.
    expect(intermediate).not.toContain('Near a key level');
    expect(intermediate).toContain(
      'Top suggestion (AAPL, Opening-range breakout): Set an alert at ORH 15m 221.96 (crosses below): back inside the range is a failed breakout. To set it, say "alert me when AAPL crosses below 221.96" or use **Set alert** on the card.',
    );
    expect(intermediate).toContain('No data for ZZZQ (Unknown symbol ZZZQ).');
  });

  it('explains the score and the scans it names to a beginner, keeps an advanced trader to one line each', () => {
    const { beginner, intermediate, advanced } = answers(scan());
    expect(beginner).toContain('Scores run from 0 to 100');
    expect(beginner).toContain('**Skew extreme**: puts are much dearer than calls (fear) or calls dearer than puts (chasing upside).');
    expect(beginner).toContain('**IV rich vs realised volatility**: options are priced for bigger moves');
    expect(beginner).not.toContain('**QQQ**');
    expect(intermediate).not.toContain('Scores run');
    expect(advanced.split('\n')[0]).toBe('**Scan** 12 scans over 5 symbols · 11:00 ET today · 7 setups:');
    expect(advanced).toContain('- **SPY** VWAP reclaim / loss **51** bullish — SPY crossed above VWAP 600.20 at 10:52.');
    expect(advanced).toContain('Top alert: "alert me when AAPL crosses below 221.96" (ORH 15m)');
    expect(advanced).not.toContain('Scores run');
    expect(beginner.length).toBeGreaterThan(intermediate.length);
  });

  it('leads with the side asked for ("gap downs"), and says when none is of that side', () => {
    const bearish = answers(scan(), 'bearish').intermediate;
    expect(bearish.split('\n')[0]).toBe('The scanner ran 12 scans over 5 symbols (11:00 ET today) and found **7** setups, 3 bearish:');
    expect(bearish).toContain('**IWM** · Skew extreme');
    expect(bearish).toContain('**SPY** · Near a key level · score **55.1** · bearish');
    expect(bearish).not.toContain('**AAPL**');
    expect(bearish).toContain('say "alert me when IWM crosses below 212.00"');
    const onlyBearish = { ...RESULT, results: ROWS.filter((r) => r.direction === 'bearish'), found: 3 };
    expect(answers(scan(onlyBearish), 'bullish').intermediate.split('\n')[0]).toBe('The scanner ran 12 scans over 5 symbols (11:00 ET today) and found **3** setups, none of them bullish; the best of the others:');
  });

  it('counts everything found when the model read only the best (limit)', () => {
    const { intermediate } = answers(scan({ ...RESULT, found: 37 }));
    expect(intermediate.split('\n')[0]).toBe('The scanner ran 12 scans over 5 symbols (11:00 ET today) and found **37** setups; the best 5:');
    expect(answers(scan({ ...RESULT, found: 37 }), 'bearish').intermediate.split('\n')[0]).toBe('The scanner ran 12 scans over 5 symbols (11:00 ET today) and found **37** setups, 3 bearish among the best 7:');
  });

  it('says plainly when nothing came up, and when the scan failed', () => {
    const empty = { ...RESULT, symbols: ['SPY'], scans: ['gap'], found: 0, shown: 0, results: [], failed: [] };
    expect(answers(scan(empty)).intermediate).toMatch(/^Nothing came up: 1 scan over SPY found no setup \(11:00 ET today\)\./);
    expect(answers(scan(empty)).advanced).toBe('No setups: 1 scan over SPY · 11:00 ET today.');
    expect(composeNext({ name: 'scan_opportunities', arguments: {}, focus: null }, scan(empty), 'intermediate')).toBeNull();
    expect(composeNext({ name: 'scan_opportunities', arguments: {}, focus: null }, scan(), 'beginner')).toBe('_Next:_ "Key levels for AAPL" puts the top setup against the day\'s levels.');
    const failed = errorRecord('scan_opportunities', { symbols: ['ZZZQ'] }, 'Scanner unavailable.');
    expect(answers(failed).intermediate).toBe("I couldn't get the scan of ZZZQ: Scanner unavailable. Nothing was made up in its place.");
  });

  it.each([
    [{ symbol: 'AAPL', condition: 'crosses_below', price: 221.96, level: 'ORH 15m' }, 'alert me when AAPL crosses below 221.96'],
    [{ symbol: 'QQQ', condition: 'crosses_above', price: 526.7, level: 'PDC' }, 'alert me when QQQ crosses above 526.70'],
    [{ symbol: 'SPX', condition: 'above', price: 6012.5, level: null }, 'alert me when SPX is above 6012.50'],
    [{ symbol: 'NVDA', condition: 'below', price: 151, level: null }, 'alert me when NVDA is below 151.00'],
  ] as const)('the suggested alert %o, said back, sets that alert', (alert, request) => {
    expect(alertRequest(alert)).toBe(request);
    const plan = planTurn(request, { now: Date.parse(`${TODAY}T16:00:00Z`), history: [], fallbackSymbols: [] });
    expect(plan).toMatchObject({ kind: 'calls', calls: [{ name: 'set_alert', arguments: { symbol: alert.symbol, condition: alert.condition, price: alert.price } }] });
  });
});
