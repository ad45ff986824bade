import { describe, expect, it } from 'vitest';
import { composeCall } from './index';
import { composeReply } from './replies';
import { CHAIN, GREEKS, LEVELS, TODAY, answers, errorRecord, okRecord } from './testing';

/**
 * Answers composed from scripted function records: they carry the numbers the functions returned,
 * written as a trader reads them, and their wording follows the experience level. Expected figures
 * are worked out by hand in the comments.
 */

const levels = okRecord('get_key_levels', { symbol: 'SPX' }, LEVELS);

describe('key levels', () => {
  it('carries every price and distance the function returned, at every level', () => {
    for (const text of Object.values(answers(levels))) {
      for (const figure of ['6,001.25', '6,012.50', '6,030.00', '5,990.10', '5,950.25']) expect(text).toContain(figure);
      expect(text).toMatch(/11\.25/);
      expect(text).toMatch(/51\.00/);
    }
  });

  it('explains the terms to a beginner, keeps an advanced trader to the numbers', () => {
    const { beginner, intermediate, advanced } = answers(levels);
    expect(beginner).toContain("previous day's high");
    expect(beginner).toContain('Support is a price where buyers');
    expect(intermediate).not.toContain("previous day's high");
    expect(advanced).not.toMatch(/buyers|previous day/);
    // Terse, signed distances first: PDH 6,012.50 (+11.25), PDL 5,950.25 (−51.00).
    expect(advanced).toContain('PDH** 6,012.50 (+11.25)');
    expect(advanced).toContain('PDL** 5,950.25 (−51.00)');
    expect(new Set([beginner, intermediate, advanced]).size).toBe(3);
    expect(advanced.length).toBeLessThan(intermediate.length);
    expect(intermediate.length).toBeLessThan(beginner.length);
  });

  it('leads with the level asked for by name', () => {
    const { intermediate } = answers(levels, 'PDH');
    expect(intermediate.split('\n')[0]).toBe('SPX **PDH** is at **6,012.50**, 11.25 points above the last price of 6,001.25.');
  });

  it('says a level the price sits on is at the price (an index before the open is on its prior close)', () => {
    const onClose = { ...LEVELS, resistanceAbove: [{ name: 'PDC', price: 6001.25, distance: 0, percent: 0 }, ...LEVELS.resistanceAbove] };
    const { intermediate } = answers(okRecord('get_key_levels', { symbol: 'SPX' }, onClose));
    expect(intermediate).toContain('**PDC** 6,001.25 — at the price');
    expect(intermediate).not.toContain('0.00 points');
  });

  it('lists support first when support was asked for', () => {
    const { intermediate } = answers(levels, 'support');
    expect(intermediate.indexOf('Support below')).toBeLessThan(intermediate.indexOf('Resistance above'));
  });

  it('finds a level the result left out on the card, and says so when there is none', () => {
    const card = { type: 'key_levels' as const, title: 'SPX key levels', data: { symbol: 'SPX', date: TODAY, lastPrice: 6001.25, atrDaily: 45.2, vwap: 5990.1, expectedMove: null, levels: [{ name: 'PWH', price: 6100, group: 'prior-week' as const, distance: { points: 98.75, percent: 1.65, atr: 2.18 } }] } };
    expect(answers({ ...levels, widget: card }, 'PWH').intermediate.split('\n')[0]).toBe('SPX **PWH** is at **6,100.00**, 98.75 points above the last price of 6,001.25.');
    expect(answers(levels, 'PMoL').intermediate).toMatch(/^SPX has no PMoL level for this session/);
  });
});

describe('failures are said as they are', () => {
  it('a function error becomes an honest sentence with the error, and no figures', () => {
    const record = errorRecord('get_key_levels', { symbol: 'ZZZZ' }, 'Unknown symbol ZZZZ.');
    const { intermediate, advanced } = answers(record);
    expect(intermediate).toBe("I couldn't get the key levels for ZZZZ: Unknown symbol ZZZZ. Nothing was made up in its place.");
    expect(advanced).toBe("⚠️ Couldn't get the key levels for ZZZZ: Unknown symbol ZZZZ.");
  });

  it('a not-listed strike reads back the strikes the function named', () => {
    const record = errorRecord('get_option_greeks', { symbol: 'SPX', strike: 6003, right: 'call' }, '6003 is not a listed SPX call strike for 2025-12-17; the nearest listed strikes are 6000, 6005');
    expect(answers(record).beginner).toContain('the nearest listed strikes are 6000, 6005');
  });

  it('a result in a shape it cannot read is admitted, not summarised', () => {
    const composed = composeCall({ name: 'get_key_levels', arguments: { symbol: 'SPX' }, focus: null }, okRecord('get_key_levels', { symbol: 'SPX' }, { levels: 'oops' }), { experience: 'intermediate', today: TODAY });
    expect(composed).toEqual({ text: "I got the key levels for SPX, but its content is not in a form I can read, so I won't summarise it.", unreadable: true });
  });
});

describe('options', () => {
  const greeks = okRecord('get_option_greeks', { symbol: 'SPX', strike: 6000, right: 'call', expiry: '0dte' }, GREEKS);

  it('prices a contract per share and per contract (× 100)', () => {
    const { intermediate } = answers(greeks);
    // Mid 12.50 × 100 = $1,250.00; delta 0.5123 × 100 = $51.23; theta −3.104 × 100 = −$310.40; vega 1.2 × 100 = $120.00.
    for (const figure of ['12.40 bid', '12.60 ask', 'mid **12.50**', '$1,250.00 per contract', 'Delta 0.5123', '$51.23 per contract', 'Theta −3.104', '−$310.40', 'Vega 1.2', '$120.00', 'IV 14.2%']) {
      expect(intermediate).toContain(figure);
    }
  });

  it('leads with the greek asked for, and tells a beginner what it means', () => {
    const { beginner, advanced } = answers(greeks, 'delta');
    expect(beginner.split('\n')[0]).toBe('Delta of the SPX 6000 call expiring Wed Dec 17: **0.5123**.');
    expect(beginner).toContain('Delta is how much the option moves');
    expect(beginner).toContain('0DTE options expire today');
    expect(advanced).toContain('**SPX 6000C** Wed Dec 17 (0DTE) · spot 6,001.25 · mid 12.50 (12.40/12.60) · IV 14.2% · Delta 0.5123 · Gamma 0.004211 · Theta −3.104');
  });

  it('reads the straddle off the chain: the move options price by expiry', () => {
    const { intermediate, advanced } = answers(okRecord('get_options_chain', { symbol: 'SPX', expiry: '0dte' }, CHAIN));
    // Call mid (12.40 + 12.60) / 2 = 12.50, put mid (11.30 + 11.50) / 2 = 11.40: straddle 23.90,
    // 23.90 / 6,001.25 = 0.398 %, range 6,001.25 ∓ 23.90 = 5,977.35 to 6,025.15.
    expect(intermediate).toContain('The 6000 straddle costs about 23.90: the market prices a move of ±23.90 (0.40%) by expiry, 5,977.35 to 6,025.15.');
    expect(intermediate).toContain('6000 calls (12,345), 5990 puts (9,876)');
    expect(advanced).toContain('| 12.40/12.60 | 0.51 | **6000** | 11.30/11.50 | −0.49 |');
  });
});

describe('positions and journal', () => {
  it('leads a portfolio answer with the greek asked for', () => {
    const portfolio = {
      asOf: '2025-12-17T15:00:00.000Z',
      costBasis: 5000,
      marketValue: 6234.5,
      unrealizedPnl: 1234.5,
      greeks: { delta: 152.5, gamma: 3.21, theta: -45, vega: 120 },
      betaWeightedDeltaSpx: 1.53,
      positions: [{ id: 'p1', name: 'SPY 600/610 call debit spread Dec 19', strategy: 'Bull call spread (debit)', unrealizedPnl: 120, maxLoss: 350, greeks: { delta: 35, gamma: 1, theta: -12, vega: 8 } }],
      byUnderlying: [],
      flags: ['warning: SPY 610 call expires in 2 days'],
    };
    const { intermediate, advanced } = answers(okRecord('analyze_portfolio', {}, portfolio), 'delta');
    expect(intermediate.split('\n')[0]).toBe('Your net delta is **152.5 shares** across the underlyings, or **1.53** SPX-equivalent (beta-weighted).');
    expect(intermediate).toContain('+$1,234.50');
    expect(intermediate).toContain('SPY 600/610 call debit spread Dec 19: +$120.00');
    expect(intermediate).toContain('⚠️ Warning: SPY 610 call expires in 2 days');
    expect(advanced).toContain('Θ −$45.00/d');
    const two = { ...portfolio, positions: [...portfolio.positions, { ...portfolio.positions[0]!, name: 'QQQ 500 put', unrealizedPnl: -310.25 }] };
    expect(answers(okRecord('analyze_portfolio', {}, two), 'pnl').intermediate.split('\n')[0]).toBe(
      'Your open P&L is **+$1,234.50**. Biggest loser: QQQ 500 put −$310.25; biggest winner: SPY 600/610 call debit spread Dec 19 +$120.00.',
    );
  });

  it('says there is nothing to analyse when the book is empty', () => {
    const empty = okRecord('analyze_portfolio', {}, { positions: [], note: 'No open positions' });
    expect(answers(empty).intermediate).toMatch(/^You have no open positions in the app/);
  });

  it('states the win rate asked for with its count', () => {
    const stats = {
      trades: 24, openTrades: 1, wins: 14, losses: 10, breakevens: 0, netPnl: 1240, fees: 30, winRate: 0.5833, profitFactor: 1.65, expectancy: 51.67,
      averageWin: 210, averageLoss: -170, largestWin: 600, largestLoss: -400, maxDrawdown: 640, longestWinStreak: 4, longestLossStreak: 3, averageR: 0.4,
      bySymbol: [{ key: 'SPX', trades: 10, netPnl: 900, winRate: 0.6 }, { key: 'TSLA', trades: 4, netPnl: -300, winRate: 0.25 }], byStrategy: [], byWeekday: [],
    };
    const { beginner, advanced } = answers(okRecord('analyze_trade_history', { symbol: 'SPY', from: '2025-12-01', to: TODAY }, stats), 'winRate');
    // 14 / 24 = 0.5833 → 58.3 %.
    expect(beginner.split('\n')[0]).toBe('Your win rate on SPY from Mon Dec 1 to Wed Dec 17 is **58.3%**: 14 wins out of 24 closed trades.');
    expect(beginner).toContain('Profit factor is gross profit divided by gross loss');
    expect(advanced).toContain('24 trades (14W/10L), win rate 58.3% · net +$1,240.00 · PF 1.65 · exp +$51.67 · avg $210.00/−$170.00 · max DD $640.00');
    expect(advanced).toContain('Best symbol SPX +$900.00 (10 trades); worst TSLA −$300.00.');
  });

  it('adds up the trades it lists', () => {
    const trade = (netPnl: number | null, day: string) => ({
      id: day, symbol: 'SPY251219C00600000', underlying: 'SPY', option: '600 call 2025-12-19', side: 'long', quantity: 2, entryPrice: 3.2,
      entryTime: `${day}T15:00:00Z`, exitPrice: netPnl === null ? null : 4.1, exitTime: null, netPnl, strategy: null,
    });
    const result = { total: 40, shown: 3, trades: [trade(180, '2025-12-16'), trade(-45.5, '2025-12-15'), trade(null, '2025-12-17')] };
    const { intermediate } = answers(okRecord('get_trade_history', { limit: 3 }, result));
    expect(intermediate).toContain('Your last 3 trades (of 40):');
    expect(intermediate).toContain('Tue Dec 16 · SPY 600 call 2025-12-19 · long 2 @ 3.20 → 4.10 · **+$180.00**');
    expect(intermediate).toContain('still open');
    // 180 − 45.50 = 134.50 over the two closed legs.
    expect(intermediate).toContain('Together these 2 closed legs made **+$134.50** (1 won, 1 did not).');
  });
});

describe('alerts, LEAPS, macro', () => {
  const alert = { id: 'a1', symbol: 'SPX', condition: 'crosses', targetPrice: 6000, level: null, status: 'active', note: null, createdAt: '2025-12-17T15:00:00Z' };

  it('confirms an alert with its target', () => {
    const { intermediate, advanced } = answers(okRecord('set_alert', { symbol: 'SPX', condition: 'crosses', price: 6000 }, { created: alert }));
    expect(intermediate).toContain("Alert set. I'll notify you when **SPX crosses 6,000.00**");
    expect(advanced).toBe('Alert set: **SPX crosses 6,000.00** · id a1');
  });

  it('prices a roll per share and for the position', () => {
    const greeks = { delta: 55, gamma: 1, theta: -8, vega: 20 };
    const roll = {
      roll: 'Roll out', quantity: 1, spot: 601.25, adjustedCostBasisPerShare: 40.7,
      close: { contract: 'SPY 600 call 2025-12-19', pricePerShare: 12.4, cash: 1240, priceSource: 'simulated', breakeven: 628, greeks },
      open: { contract: 'SPY 600 call 2027-01-15', pricePerShare: 25.1, cash: -2510, priceSource: 'simulated', breakeven: 640.7, greeks: { ...greeks, delta: 62, theta: -3 } },
      net: { type: 'debit', perShare: -12.7, dollars: -1270 },
    };
    const { intermediate } = answers(okRecord('calculate_roll', { symbol: 'SPY', right: 'call', strike: 600, expiry: '2025-12-19', newExpiry: '2027-01-15' }, roll));
    // 12.40 − 25.10 = −12.70 per share; × 100 = −$1,270.00.
    expect(intermediate).toContain('Net **debit 12.70 per share**: −$1,270.00 for 1 contract');
    expect(intermediate).toContain('New breakeven 640.70 (was 628.00)');
    expect(intermediate).toContain('delta 55 → 62 shares, theta −$8.00 → −$3.00 per day');
  });

  it('tabulates a projection for an intermediate trader', () => {
    const projection = {
      symbol: 'SPY', spot: 601.25, contract: '1 × SPY 650 call 2028-01-21', entryPrice: 45, valueToday: 45, impliedVolatility: 0.185, costBasis: 4500, horizon: '2028-01-21',
      greeksToday: { delta: 62, gamma: 0.3, theta: -3.1, vega: 25 },
      pnlByDate: [{ date: TODAY, '-20%': -2900, '0%': 0, '+20%': 4100 }, { date: '2028-01-21', '-20%': -4500, '0%': -4500, '+20%': 7500 }],
      pnlTodayByIvShift: { '-5 vol': -800, '0 vol': 0, '+5 vol': 800 }, warnings: [],
    };
    const { beginner, intermediate } = answers(okRecord('project_leaps', { symbol: 'SPY', right: 'call', strike: 650, expiry: '2028-01-21' }, projection));
    expect(intermediate).toContain("| Fri Jan 21 '28 | −$4,500.00 | −$4,500.00 | +$7,500.00 |");
    expect(beginner).toContain("At expiry (Fri Jan 21 '28) the P&L would be −$4,500.00 with SPY -20%, −$4,500.00 with SPY 0%, +$7,500.00 with SPY +20%.");
  });

  it('answers "when is the next FOMC" first', () => {
    const event = (title: string, date: string, daysUntil: number, time: string) => ({ title, date, time, daysUntil });
    const macro = {
      today: TODAY, market: {}, rate: 0.041,
      vix: { level: 16.2, change: 0.4, shape: 'contango', vixToVix3m: 0.88, termStructure: [{ symbol: 'VIX9D', level: 15.1 }, { symbol: 'VIX', level: 16.2 }, { symbol: 'VIX3M', level: 18.4 }] },
      nextEvents: { fomc: event('FOMC decision (Jan 27–28 meeting)', '2026-01-28', 42, '14:00 ET'), cpi: event('CPI for December 2025', '2026-01-13', 27, '08:30 ET'), payrolls: null },
      upcoming: [], indices: [], sectors: [], warnings: [],
    };
    const { intermediate } = answers(okRecord('get_macro_context', {}, macro), 'fomc');
    expect(intermediate.split('\n')[0]).toBe("The next FOMC decision is **Wed Jan 28 '26 at 14:00 ET**, in 42 days (FOMC decision (Jan 27–28 meeting)).");
    expect(intermediate).toContain('VIX 16.20 (+0.40), curve in **contango** (VIX/VIX3M 0.88): VIX9D 15.10 · VIX 16.20 · VIX3M 18.40');
    expect(intermediate).toContain('Risk-free rate 4.10%.');
  });
});

describe('market, price and bars', () => {
  const quote = (symbol: string, last: number, change: number, changePercent: number) => ({ symbol, last, change, changePercent, prevClose: last - change, session: 'open', time: `${TODAY} 10:00 ET`, source: 'simulated' });

  it('says whether the market is open and when it closes', () => {
    const status = { status: 'open', reason: 'Regular session', nextOpen: '2025-12-18 09:30 ET', nextClose: `${TODAY} 16:00 ET`, checkedAt: `${TODAY} 10:00 ET`, quotes: [quote('SPX', 6001.25, 27, 0.45)] };
    const { intermediate, advanced } = answers(okRecord('get_market_status', {}, status));
    expect(intermediate).toContain('The market is **open** (Regular session). It closes at 16:00 ET today.');
    expect(intermediate).toContain('**SPX** 6,001.25 (+0.45%), +27.00 on the day');
    expect(advanced).toContain('Open (Regular session) · close 16:00 ET today');
  });

  it('quotes a price against the previous close', () => {
    // 601.25 − 2.10 = 599.15.
    expect(answers(okRecord('get_current_price', { symbol: 'SPY' }, quote('SPY', 601.25, 2.1, 0.35))).intermediate).toBe(
      '**SPY** is at **601.25**, up 2.10 (+0.35%) from the previous close of 599.15 (as of 10:00 ET today).',
    );
  });

  it('summarises the bars and where the close sits in the range', () => {
    const chart = { symbol: 'SPY', timeframe: '5m', source: 'simulated', sessions: [TODAY], bars: 7, summary: { from: '', to: '', open: 598.1, high: 602.4, low: 597.55, close: 601.9, volume: 35120000, change: 3.8, changePercent: 0.64 }, lastBars: [] };
    const { intermediate } = answers(okRecord('get_chart_data', { symbol: 'SPY' }, chart));
    // Range 602.40 − 597.55 = 4.85; (601.90 − 597.55) / 4.85 = 0.90 → near the top.
    expect(intermediate).toContain('**SPY** today (7 5m bars): opened at 598.10, high 602.40, low 597.55, last 601.90 — up 3.80 (+0.64%).');
    expect(intermediate).toContain('That is a 4.85-point range, and it is trading near the top of its range; volume 35,120,000.');
  });
});

describe('replies without a function', () => {
  it('lists only what the functions of this build can do', () => {
    const text = composeReply('help', { experience: 'intermediate', displayName: '', available: new Set(['get_key_levels', 'set_alert']) });
    expect(text).toContain('**Key levels**');
    expect(text).toContain('**Alerts**');
    expect(text).not.toContain('**Options**');
  });

  it('refuses orders and predictions honestly and offers what it can do', () => {
    const ctx = { experience: 'beginner' as const, displayName: 'Sam', available: new Set<string>() };
    expect(composeReply('orders', ctx)).toMatch(/^I can't place or change orders/);
    expect(composeReply('prediction', ctx)).toMatch(/^I don't predict prices/);
    expect(composeReply('greeting', ctx)).toMatch(/^Hi Sam!/);
  });
});
