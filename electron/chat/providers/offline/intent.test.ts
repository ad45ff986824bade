import { describe, expect, it } from 'vitest';
import { planTurn, type Plan } from './intent';

/**
 * What the offline coach calls for each way of asking, read on Wednesday 2025-12-17 at 10:00 New
 * York time (15:00 UTC). Dates in the table are worked out by hand from that calendar: Friday is
 * Dec 19; January 2028's third Friday is the 21st (Jan 1 2028 is a Saturday); the week began
 * Monday Dec 15.
 */
const NOW = Date.parse('2025-12-17T15:00:00Z');
const UUID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

type Call = [name: string, args: Record<string, unknown>];
interface Case {
  say: string;
  history?: string[];
  calls?: Call[];
  clarify?: RegExp;
  reply?: string;
}

/** The scans that measure movement ("what's moving"). */
const MOVING = ['gap', 'atr_expansion', 'relative_volume', 'new_intraday_extreme'];

const one = (name: string, args: Record<string, unknown> = {}): Call[] => [[name, args]];

const TABLE: Case[] = [
  // Key levels, with typos and capitals.
  { say: 'key levels for SPX', calls: one('get_key_levels', { symbol: 'SPX' }) },
  { say: 'spx levels', calls: one('get_key_levels', { symbol: 'SPX' }) },
  { say: 'SPX LEVELS', calls: one('get_key_levels', { symbol: 'SPX' }) },
  { say: 'kee levels for spx', calls: one('get_key_levels', { symbol: 'SPX' }) },
  { say: 'levles spx', calls: one('get_key_levels', { symbol: 'SPX' }) },
  { say: "where's support on qqq", calls: one('get_key_levels', { symbol: 'QQQ' }) },
  { say: 'PDH for spy?', calls: one('get_key_levels', { symbol: 'SPY' }) },
  { say: 'what are the pivots on $NDX', calls: one('get_key_levels', { symbol: 'NDX' }) },
  { say: 'resistence levels tsla', calls: one('get_key_levels', { symbol: 'TSLA' }) },
  { say: 'spx levels for yesterday', calls: one('get_key_levels', { symbol: 'SPX', date: '2025-12-16' }) },
  { say: '15m key levels on spy', calls: one('get_key_levels', { symbol: 'SPY', timeframe: '15m' }) },
  { say: 'key levels on nq today', calls: one('get_key_levels', { symbol: 'NDX', date: '2025-12-17' }) },
  { say: 'levels for spx and ndx', calls: [['get_key_levels', { symbol: 'SPX' }], ['get_key_levels', { symbol: 'NDX' }]] },
  // Market status and overview.
  { say: 'is the market open', calls: one('get_market_status') },
  { say: "how's the market", calls: one('get_market_status') },
  { say: 'Market overview please', calls: one('get_market_status') },
  { say: 'when does the markt close today', calls: one('get_market_status') },
  // Prices.
  { say: 'spy price', calls: one('get_current_price', { symbol: 'SPY' }) },
  { say: "what's ndx at", calls: one('get_current_price', { symbol: 'NDX' }) },
  { say: 'quote AAPL', calls: one('get_current_price', { symbol: 'AAPL' }) },
  { say: 'where is spx trading', calls: one('get_current_price', { symbol: 'SPX' }) },
  { say: 'prcie of tesla', calls: one('get_current_price', { symbol: 'TSLA' }) },
  { say: 'QQQ?', calls: one('get_current_price', { symbol: 'QQQ' }) },
  // Chart data.
  { say: 'how did spy trade today', calls: one('get_chart_data', { symbol: 'SPY', days: 1 }) },
  { say: '5m bars for qqq', calls: one('get_chart_data', { symbol: 'QQQ', timeframe: '5m' }) },
  { say: 'daily chart of aapl for the last 10 days', calls: one('get_chart_data', { symbol: 'AAPL', timeframe: '1d', days: 10 }) },
  { say: 'spx 15 minute candles', calls: one('get_chart_data', { symbol: 'SPX', timeframe: '15m' }) },
  { say: "what was spy's high of day", calls: one('get_chart_data', { symbol: 'SPY' }) },
  // Options chains.
  { say: 'spx 0dte chain', calls: one('get_options_chain', { symbol: 'SPX', expiry: '0dte' }) },
  { say: 'show me the qqq options for friday', calls: one('get_options_chain', { symbol: 'QQQ', expiry: '2025-12-19' }) },
  { say: 'options chain for spy dec 19', calls: one('get_options_chain', { symbol: 'SPY', expiry: '2025-12-19' }) },
  { say: 'optoins chian for nvda', calls: one('get_options_chain', { symbol: 'NVDA' }) },
  { say: 'SPY CHAIN 20 STRIKES', calls: one('get_options_chain', { symbol: 'SPY', strikes: 20 }) },
  { say: "what's the 0dte straddle on spx", calls: one('get_options_chain', { symbol: 'SPX', expiry: '0dte' }) },
  { say: 'iv on qqq', calls: one('get_options_chain', { symbol: 'QQQ' }) },
  { say: 'spx chain for 12/22', calls: one('get_options_chain', { symbol: 'SPX', expiry: '2025-12-22' }) },
  // Greeks of one contract.
  { say: 'greeks on spx 6000c 0dte', calls: one('get_option_greeks', { symbol: 'SPX', strike: 6000, right: 'call', expiry: '0dte' }) },
  { say: 'delta of the spy 600 put dec 19', calls: one('get_option_greeks', { symbol: 'SPY', strike: 600, right: 'put', expiry: '2025-12-19' }) },
  { say: "what's the theta on qqq 520 calls friday", calls: one('get_option_greeks', { symbol: 'QQQ', strike: 520, right: 'call', expiry: '2025-12-19' }) },
  { say: 'IV of SPX 5900p', calls: one('get_option_greeks', { symbol: 'SPX', strike: 5900, right: 'put' }) },
  { say: 'greks for spy 600c tomorrow', calls: one('get_option_greeks', { symbol: 'SPY', strike: 600, right: 'call', expiry: '2025-12-18' }) },
  { say: 'how much is the spy 600c', calls: one('get_option_greeks', { symbol: 'SPY', strike: 600, right: 'call' }) },
  { say: 'spx 6050 call 0dte', calls: one('get_option_greeks', { symbol: 'SPX', strike: 6050, right: 'call', expiry: '0dte' }) },
  { say: 'greeks on spx', clarify: /Which contract/ },
  { say: 'gamma of spx 6000 0dte', clarify: /Call or put/ },
  // Positions and the portfolio.
  { say: 'analyze my positions', calls: one('analyze_portfolio') },
  { say: "what's my portfolio delta", calls: one('analyze_portfolio') },
  { say: 'my net theta', calls: one('analyze_portfolio') },
  { say: 'my P&L', calls: one('analyze_portfolio') },
  { say: 'how much theta am I paying', calls: one('analyze_portfolio') },
  { say: 'am i net long or short', calls: one('analyze_portfolio') },
  { say: 'how are my leaps', calls: one('analyze_portfolio') },
  { say: `how is my position ${UUID} doing`, calls: one('analyze_position', { positionId: UUID }) },
  {
    say: 'analyze long spy 600c dec 19 and short spy 610c dec 19',
    calls: one('analyze_position', { underlying: 'SPY', legs: [{ right: 'call', strike: 600, expiry: '2025-12-19', quantity: 1 }, { right: 'call', strike: 610, expiry: '2025-12-19', quantity: -1 }] }),
  },
  {
    say: 'analyze long 2 spy 600c dec 19 @ 1.50 and short 2 spy 605c dec 19 @ 0.40',
    calls: one('analyze_position', { underlying: 'SPY', legs: [{ right: 'call', strike: 600, expiry: '2025-12-19', quantity: 2, price: 1.5 }, { right: 'call', strike: 605, expiry: '2025-12-19', quantity: -2, price: 0.4 }] }),
  },
  { say: 'analyse short 2 spx 5900p 0dte @ 3.50', calls: one('analyze_position', { underlying: 'SPX', legs: [{ right: 'put', strike: 5900, expiry: '2025-12-17', quantity: -2, price: 3.5 }] }) },
  // Alerts.
  { say: 'alert me when spx crosses 6000', calls: one('set_alert', { symbol: 'SPX', condition: 'crosses', price: 6000 }) },
  { say: 'set an alert at PDH on spy', calls: one('set_alert', { symbol: 'SPY', condition: 'crosses', level: 'PDH' }) },
  { say: 'notify me if qqq goes above 530', calls: one('set_alert', { symbol: 'QQQ', condition: 'crosses_above', price: 530 }) },
  { say: 'alert when spy breaks below pdl', calls: one('set_alert', { symbol: 'SPY', condition: 'crosses_below', level: 'PDL' }) },
  { say: 'ping me if nvda drops under 120', calls: one('set_alert', { symbol: 'NVDA', condition: 'crosses_below', price: 120 }) },
  { say: 'alret me when SPX hits 6,050', calls: one('set_alert', { symbol: 'SPX', condition: 'crosses', price: 6050 }) },
  { say: 'alert me if spy is above 6k', calls: one('set_alert', { symbol: 'SPY', condition: 'above', price: 6000 }) },
  { say: 'let me know when qqq reclaims vwap', calls: one('set_alert', { symbol: 'QQQ', condition: 'crosses_above', level: 'VWAP' }) },
  { say: 'set alert spx camarilla r3', calls: one('set_alert', { symbol: 'SPX', condition: 'crosses', level: 'R3 (camarilla)' }) },
  { say: 'alert me when spx crosses', clarify: /price or key level/ },
  { say: 'show my alerts', calls: one('get_alerts') },
  { say: 'SHOW MY ALERTS', calls: one('get_alerts') },
  { say: 'what alerts do i have on spx', calls: one('get_alerts', { symbol: 'SPX' }) },
  { say: 'triggered alerts', calls: one('get_alerts', { status: 'triggered' }) },
  { say: 'cancel my spx alerts', calls: one('cancel_alert', { symbol: 'SPX' }) },
  { say: 'delete the spy 600 alert', calls: one('cancel_alert', { symbol: 'SPY', price: 600 }) },
  { say: `cancel alert ${UUID}`, calls: one('cancel_alert', { alertId: UUID }) },
  { say: 'cancel all my alerts', clarify: /Which alerts/ },
  // Journal.
  { say: 'show my last trades', calls: one('get_trade_history') },
  { say: 'last 5 trades', calls: one('get_trade_history', { limit: 5 }) },
  { say: 'my spx trades last week', calls: one('get_trade_history', { symbol: 'SPX', from: '2025-12-08', to: '2025-12-14' }) },
  { say: 'how am I doing this month', calls: one('analyze_trade_history', { from: '2025-12-01', to: '2025-12-17' }) },
  { say: "what's my win rate on spy", calls: one('analyze_trade_history', { symbol: 'SPY' }) },
  { say: 'profit factor ytd', calls: one('analyze_trade_history', { from: '2025-01-01', to: '2025-12-17' }) },
  { say: 'best performing symbol', calls: one('analyze_trade_history') },
  { say: 'journal stats for last month', calls: one('analyze_trade_history', { from: '2025-11-01', to: '2025-11-30' }) },
  // LEAPS and rolls.
  { say: 'project a spy 650 call jan 2028', calls: one('project_leaps', { symbol: 'SPY', right: 'call', strike: 650, expiry: '2028-01-21' }) },
  {
    say: 'leaps projection for 2 aapl 250c jan 15 2027 bought at 30',
    calls: one('project_leaps', { symbol: 'AAPL', right: 'call', strike: 250, expiry: '2027-01-15', quantity: 2, price: 30 }),
  },
  { say: 'roll my spy 600c dec 19 to jan 16 2027', calls: one('calculate_roll', { symbol: 'SPY', right: 'call', strike: 600, expiry: '2025-12-19', newExpiry: '2027-01-16' }) },
  { say: 'roll spy 600c dec 19 up to 620', calls: one('calculate_roll', { symbol: 'SPY', right: 'call', strike: 600, expiry: '2025-12-19', newStrike: 620, newExpiry: '2025-12-19' }) },
  { say: 'project my aapl 200 call jan 2027 at 25', calls: one('project_leaps', { symbol: 'AAPL', right: 'call', strike: 200, expiry: '2027-01-15', price: 25 }) },
  { say: 'roll my qqq 500p dec 19', clarify: /to which expiry/ },
  { say: 'project my spy leaps', clarify: /Which contract/ },
  // Macro.
  { say: 'macro context', calls: one('get_macro_context') },
  { say: 'when is the next fomc', calls: one('get_macro_context') },
  { say: "what's the vix term structure", calls: one('get_macro_context') },
  { say: 'next CPI date?', calls: one('get_macro_context') },
  // The scanner.
  { say: 'scan for gaps and unusual volume', calls: one('scan_opportunities', { scans: ['gap', 'unusual_volume'] }) },
  { say: 'any setups on spy or qqq?', calls: one('scan_opportunities', { symbols: ['SPY', 'QQQ'] }) },
  { say: 'scan for setups', calls: one('scan_opportunities') },
  { say: 'any opportunities on qqq?', calls: one('scan_opportunities', { symbols: ['QQQ'] }) },
  { say: 'run the options scanner', calls: one('scan_opportunities', { kind: 'options' }) },
  { say: 'technical scan', calls: one('scan_opportunities', { kind: 'technical' }) },
  { say: 'find gap ups', calls: one('scan_opportunities', { scans: ['gap'] }) },
  { say: "what's moving", calls: one('scan_opportunities', { scans: MOVING }) },
  { say: 'whats moving right now', calls: one('scan_opportunities', { scans: MOVING }) },
  { say: 'scna spx nvda', calls: one('scan_opportunities', { symbols: ['SPX', 'NVDA'] }) },
  { say: 'top 5 setups on spy', calls: one('scan_opportunities', { symbols: ['SPY'], limit: 5 }) },
  { say: 'is spy near support?', calls: one('scan_opportunities', { scans: ['near_level'], symbols: ['SPY'] }) },
  { say: 'did qqq reclaim vwap', calls: one('scan_opportunities', { scans: ['vwap_cross'], symbols: ['QQQ'] }) },
  { say: 'unusual options activity', calls: one('scan_opportunities', { scans: ['unusual_volume'] }) },
  { say: 'any credit spread ideas on spy', calls: one('scan_opportunities', { scans: ['credit_spread'], symbols: ['SPY'] }) },
  { say: 'scan iv and skew on nvda', calls: one('scan_opportunities', { scans: ['iv_vs_realized', 'skew_extreme'], symbols: ['NVDA'] }) },
  { say: 'and nvda?', history: ['find gap ups'], calls: one('scan_opportunities', { scans: ['gap'], symbols: ['NVDA'] }) },
  // Everyday words that are also tickers (NOW, LOW) are tickers only in capitals.
  { say: 'spy levels now', calls: one('get_key_levels', { symbol: 'SPY' }) },
  { say: 'NOW levels', calls: one('get_key_levels', { symbol: 'NOW' }) },
  // Follow-ups continue the last request with what changed.
  { say: 'and NDX?', history: ['key levels for SPX'], calls: one('get_key_levels', { symbol: 'NDX' }) },
  { say: 'what about friday', history: ['spx 0dte chain'], calls: one('get_options_chain', { symbol: 'SPX', expiry: '2025-12-19' }) },
  { say: 'and qqq', history: ['spx 0dte chain', 'what about friday'], calls: one('get_options_chain', { symbol: 'QQQ', expiry: '2025-12-19' }) },
  { say: 'and the 5950 put?', history: ['greeks on spx 6000c 0dte'], calls: one('get_option_greeks', { symbol: 'SPX', strike: 5950, right: 'put', expiry: '0dte' }) },
  { say: 'jan 15 2027', history: ['roll my qqq 500p dec 19'], calls: one('calculate_roll', { symbol: 'QQQ', right: 'put', strike: 500, expiry: '2025-12-19', newExpiry: '2027-01-15' }) },
  { say: 'what about the chain?', history: ['spy price'], calls: one('get_options_chain', { symbol: 'SPY' }) },
  { say: '6000c', history: ['greeks on spx'], calls: one('get_option_greeks', { symbol: 'SPX', strike: 6000, right: 'call' }) },
  // No function: greetings, help, refusals, and what it does not understand.
  { say: 'hi', reply: 'greeting' },
  { say: 'Good morning coach', reply: 'greeting' },
  { say: 'help', reply: 'help' },
  { say: 'what can you do?', reply: 'help' },
  { say: 'thanks!', reply: 'thanks' },
  { say: 'buy 10 spy calls', reply: 'orders' },
  { say: 'can you trade for me?', reply: 'orders' },
  { say: 'will spx go up tomorrow?', reply: 'prediction' },
  { say: 'what will spx do tomorrow', reply: 'prediction' },
  { say: 'any news on nvda', reply: 'news' },
  { say: 'asdfgh', reply: 'unknown' },
];

describe('planTurn: "what is X" explains the term', () => {
  it.each([
    ['explain gamma', 'Gamma'],
    ['what is a pivot point?', 'Pivot points'],
    ['what is VWAP', 'VWAP'],
    ['what does contango mean', 'VIX term structure'],
    ['what are the greeks', 'The greeks'],
  ])('%s → %s', (say, name) => {
    expect(planTurn(say, { now: NOW, history: [], fallbackSymbols: [] })).toMatchObject({ kind: 'explain', topic: { name } });
  });

  it('leaves questions about a symbol or about the user to the functions', () => {
    expect(planTurn("what's vwap on spy", { now: NOW, history: [], fallbackSymbols: [] })).toMatchObject({ kind: 'calls', calls: [{ name: 'get_key_levels' }] });
    expect(planTurn('what is my win rate', { now: NOW, history: [], fallbackSymbols: [] })).toMatchObject({ kind: 'calls', calls: [{ name: 'analyze_trade_history' }] });
  });
});

function expected(c: Case): Plan | { kind: 'clarify'; question: RegExp } {
  if (c.reply) return { kind: 'reply', reply: c.reply as never };
  if (c.clarify) return { kind: 'clarify', question: c.clarify };
  return { kind: 'calls', calls: c.calls!.map(([name, args]) => ({ name, arguments: args })) } as never;
}

describe('planTurn: phrasing → function and arguments', () => {
  it('has a table of at least 60 phrasings', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(60);
  });

  it.each(TABLE.map((c) => [c.say, c] as const))('%s', (_say, c) => {
    const plan = planTurn(c.say, { now: NOW, history: c.history ?? [], fallbackSymbols: [] });
    const want = expected(c);
    if (want.kind === 'calls') {
      expect(plan.kind).toBe('calls');
      const calls = plan.kind === 'calls' ? plan.calls.map(({ name, arguments: args }) => ({ name, arguments: args })) : [];
      expect(calls).toEqual((want as { calls: unknown }).calls);
    } else if (want.kind === 'clarify') {
      expect(plan).toMatchObject({ kind: 'clarify' });
      expect(plan.kind === 'clarify' && plan.question).toMatch(want.question);
    } else {
      expect(plan).toEqual(want);
    }
  });
});

describe('planTurn: context', () => {
  it('uses the last symbol the conversation named, then the fallbacks, when the message names none', () => {
    const levels = (history: string[], fallbackSymbols: string[]) => planTurn('key levels', { now: NOW, history, fallbackSymbols });
    expect(levels(['spy price'], ['NDX'])).toMatchObject({ calls: [{ arguments: { symbol: 'SPY' } }] });
    expect(levels([], ['NDX'])).toMatchObject({ calls: [{ arguments: { symbol: 'NDX' } }] });
    expect(levels([], [])).toMatchObject({ kind: 'clarify', question: expect.stringMatching(/Which symbol/) });
  });

  it('points "my positions" at the positions the session context holds', () => {
    const contextPositions = [{ underlying: 'SPY', legs: [{ right: 'call', strike: 600, expiry: '2025-12-19', quantity: 2 }], brokerMarks: [null] }];
    const plan = planTurn('what is my total delta?', { now: NOW, history: [], fallbackSymbols: [], contextPositions });
    expect(plan).toMatchObject({ kind: 'calls', calls: [{ name: 'analyze_position', arguments: { underlying: 'SPY', legs: contextPositions[0]!.legs }, focus: 'delta' }] });
  });

  it('keeps what the answer should lead with', () => {
    const focus = (say: string) => {
      const plan = planTurn(say, { now: NOW, history: [], fallbackSymbols: [] });
      return plan.kind === 'calls' ? plan.calls[0]!.focus : null;
    };
    expect(focus("where's support on qqq")).toBe('support');
    expect(focus('PDH for spy?')).toBe('PDH');
    expect(focus("what's my portfolio delta")).toBe('delta');
    expect(focus('when is the next fomc')).toBe('fomc');
    expect(focus("what's my win rate on spy")).toBe('winRate');
    expect(focus('find gap ups')).toBe('bullish');
    expect(focus('any bearish setups on qqq')).toBe('bearish');
    expect(focus('gap ups and gap downs')).toBeNull();
  });

  it('reads the same message the same way every time', () => {
    const context = { now: NOW, history: ['key levels for SPX'], fallbackSymbols: ['SPY'] };
    expect(planTurn('and the 0dte chain for ndx?', context)).toEqual(planTurn('and the 0dte chain for ndx?', context));
  });
});
