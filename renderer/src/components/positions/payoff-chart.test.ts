import { describe, expect, it } from 'vitest';
import {
  areaPath,
  formatPnlTick,
  labelWidth,
  linearScale,
  linePath,
  niceStep,
  niceTicks,
  payoffLayout,
  placeLabels,
  PLOT_MARGIN,
  LABEL_ROW,
  pnlDomain,
  valueAt,
} from './payoff-chart';

// A 1-lot 100/110 call debit spread paid 4.00: expiry P&L = 100 × (min(max(S − 100, 0), 10) − 4),
// so −$400 below 100, +$600 above 110, zero at 104. "today" is made up (any smooth curve will do).
const spread = [90, 100, 104, 110, 120].map((price) => ({
  price,
  expiry: 100 * (Math.min(Math.max(price - 100, 0), 10) - 4),
  today: 100 * ((price - 105) / 5),
}));

describe('linearScale', () => {
  it('maps the ends of the domain onto the ends of the range, and values in between in proportion', () => {
    const x = linearScale([90, 120], [50, 350]);
    // 300 px for 30 dollars = 10 px a dollar: 104 → 50 + 14 × 10 = 190.
    expect(x(90)).toBe(50);
    expect(x(120)).toBe(350);
    expect(x(104)).toBeCloseTo(190, 10);
  });

  it('inverts when domain and range swap, and flips for a y axis that grows downwards', () => {
    const y = linearScale([-500, 700], [260, 20]);
    // 240 px for $1 200 = 0.2 px a dollar: 0 → 260 − 500 × 0.2 = 160.
    expect(y(0)).toBeCloseTo(160, 10);
    expect(linearScale([260, 20], [-500, 700])(160)).toBeCloseTo(0, 10);
  });

  it('puts everything in the middle of the range when the domain has no width', () => {
    expect(linearScale([5, 5], [0, 100])(5)).toBe(50);
  });
});

describe('nice ticks', () => {
  it('picks 1, 2 or 5 times a power of ten', () => {
    // span/maxTicks: 100/5 = 20 → 20; 25.6/6 ≈ 4.27 → 5; 0.9/4 = 0.225 → 0.5; 7000/4 = 1750 → 2000.
    expect(niceStep(100, 5)).toBe(20);
    expect(niceStep(25.6, 6)).toBe(5);
    expect(niceStep(0.9, 4)).toBe(0.5);
    expect(niceStep(7000, 4)).toBe(2000);
  });

  it('lists the multiples of the step inside the range, ends included', () => {
    expect(niceTicks(0, 100, 5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(587.3, 612.9, 6)).toEqual([590, 595, 600, 605, 610]);
    expect(niceTicks(-532, 832, 5)).toEqual([-500, 0, 500]);
  });

  it('prints decimal steps without floating-point dust, and zero without a sign', () => {
    expect(niceTicks(0.05, 0.45, 4)).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(Object.is(niceTicks(-1, 1, 2)[1], 0)).toBe(true);
  });
});

describe('pnlDomain', () => {
  it('spans both curves and zero with 8% of air', () => {
    // Lowest −400 (expiry below 100; today at 90 is 100 × (90 − 105)/5 = −300), highest +600 (expiry
    // above 110; today at 120 is +300): span 1 000, air 80.
    expect(pnlDomain(spread)).toEqual([-480, 680]);
  });

  it('widens to marks outside the curves and keeps zero in view of an all-profit curve', () => {
    const up = [{ price: 1, expiry: 100, today: 200 }];
    // Marks 0 and 300 with the curve's 100..200: span 300, air 24.
    expect(pnlDomain(up, [300])).toEqual([-24, 324]);
  });
});

describe('valueAt', () => {
  it('interpolates between grid points and is null off the grid', () => {
    // Between 110 (+600) and 120 (+600) the expiry line is flat; between 100 (−400) and 104 (0), 102 is −200.
    expect(valueAt(spread, 102, 'expiry')).toBeCloseTo(-200, 10);
    expect(valueAt(spread, 115, 'expiry')).toBeCloseTo(600, 10);
    // today: 100 × (112.5 − 105)/5 = 150 at 112.5 (the curve is linear there).
    expect(valueAt(spread, 112.5, 'today')).toBeCloseTo(150, 10);
    expect(valueAt(spread, 89, 'expiry')).toBeNull();
    expect(valueAt(spread, 121, 'expiry')).toBeNull();
  });
});

describe('paths', () => {
  it('draws a line through the points and closes an area down to the baseline', () => {
    const pts = [{ x: 0, y: 10 }, { x: 5, y: 2.25 }];
    expect(linePath(pts)).toBe('M0.0,10.0L5.0,2.3');
    expect(areaPath(pts, 8)).toBe('M0.0,10.0L5.0,2.3L5.0,8.0L0.0,8.0Z');
    expect(areaPath([], 8)).toBe('');
  });
});

describe('placeLabels', () => {
  it('keeps labels centred on their anchors when they do not touch', () => {
    expect(placeLabels([{ anchor: 100, width: 60 }, { anchor: 300, width: 60 }], [0, 400])).toEqual([
      { x: 100, row: 0 },
      { x: 300, row: 0 },
    ]);
  });

  it('moves a label that would overlap its neighbour to the next row, whatever the input order', () => {
    // 60 px labels centred at 200 and 230 overlap (170–230 and 200–260); 330 fits after 260 + 4 on row 0.
    expect(placeLabels([{ anchor: 230, width: 60 }, { anchor: 330, width: 60 }, { anchor: 200, width: 60 }], [0, 500])).toEqual([
      { x: 230, row: 1 },
      { x: 330, row: 0 },
      { x: 200, row: 0 },
    ]);
  });

  it('pulls labels at the edges inside the plot', () => {
    // Half a label is 30 px: an anchor at 10 moves to 0 + 30, one at 395 to 400 − 30.
    expect(placeLabels([{ anchor: 10, width: 60 }, { anchor: 395, width: 60 }], [0, 400])).toEqual([
      { x: 30, row: 0 },
      { x: 370, row: 0 },
    ]);
  });
});

describe('formatPnlTick', () => {
  it('writes dollars short, with a real minus sign', () => {
    expect(formatPnlTick(250)).toBe('$250');
    expect(formatPnlTick(-1500)).toBe('−$1.5k');
    expect(formatPnlTick(12_000)).toBe('$12k');
    expect(formatPnlTick(0.5)).toBe('$0.5');
    expect(formatPnlTick(0)).toBe('$0');
  });
});

describe('payoffLayout', () => {
  const input = { curve: spread, breakevens: [104], maxProfit: 600, maxLoss: 400, spot: 103 } as const;
  const width = 358; // plot from 58 to 342: 284 px for $30, so 104 → 58 + 14 × 284/30
  const layout = payoffLayout(input, width, 300);

  it('marks the breakeven at its price, labelled with it, above the plot', () => {
    expect(layout.breakevens).toHaveLength(1);
    const [mark] = layout.breakevens;
    expect(mark!.text).toBe('BE 104.00');
    expect(mark!.x).toBeCloseTo(58 + (14 * 284) / 30, 9);
    expect(mark!.label.row).toBe(0);
    // One row of labels: the plot starts one row lower, the label sits in that row.
    expect(layout.plot.top).toBe(PLOT_MARGIN.top + LABEL_ROW);
    expect(mark!.label.y).toBeLessThan(layout.plot.top);
  });

  it('draws the zero line, the max profit and loss at their heights, and the spot', () => {
    // Domain [−480, 680] over pixels [260, 30]: 230 px for $1 160; zero is $480 above the bottom,
    // max profit (+600) $1 080 above it, max loss (−400) $80 above it.
    const perDollar = 230 / 1160;
    expect(layout.plot.bottom).toBe(260);
    expect(layout.zeroY).toBeCloseTo(260 - 480 * perDollar, 9);
    expect(layout.maxProfit).toEqual({ value: 600, text: 'Max profit $600.00', y: expect.closeTo(260 - 1080 * perDollar, 9) as number });
    expect(layout.maxLoss.text).toBe('Max loss $400.00');
    expect(layout.maxLoss.y).toBeCloseTo(260 - 80 * perDollar, 9);
    expect(layout.spotX).toBeCloseTo(58 + (13 * 284) / 30, 9);
    expect(layout.expiryPoints).toHaveLength(5);
    expect(layout.expiryPoints[2]!.y).toBeCloseTo(layout.zeroY, 9);
  });

  it('labels an unbounded side without a line, and gives the breakevens of a condor two rows when close', () => {
    const naked = payoffLayout({ ...input, breakevens: [103.9, 104.1], maxLoss: 'unlimited' }, width, 300);
    expect(naked.maxLoss).toEqual({ value: 'unlimited', text: 'Max loss unlimited', y: null });
    expect(naked.breakevens.map((b) => b.label.row)).toEqual([0, 1]);
    expect(naked.plot.top).toBe(PLOT_MARGIN.top + 2 * LABEL_ROW);
    // A label is wider than the 0.2 $ between them: 9 characters × 6.6 px + 8.
    expect(labelWidth('BE 103.90')).toBe(68);
  });

  it('leaves out a spot or a scenario off the grid', () => {
    const off = payoffLayout({ ...input, spot: 150, scenario: { price: 80, pnl: -400 } }, width, 300);
    expect(off.spotX).toBeNull();
    expect(off.scenario).toBeNull();
    const on = payoffLayout({ ...input, scenario: { price: 110, pnl: 600 } }, width, 300);
    expect(on.scenario!.x).toBeCloseTo(58 + (20 * 284) / 30, 9);
  });
});

describe('the what-if curve', () => {
  // The spread on a later date at a higher IV, made up as today's curve minus $50 everywhere, and
  // reaching −700 at 90 (below every other value there).
  const later = spread.map((p) => ({ ...p, scenario: p.price === 90 ? -700 : p.today - 50 }));

  it('widens the P&L range to it and reads it at a price', () => {
    // Lowest −700 (the scenario at 90), highest +600 (expiry): span 1 300, air 104.
    expect(pnlDomain(later)).toEqual([-804, 704]);
    // Between 110 (100 × (110 − 105)/5 − 50 = 50) and 120 (300 − 50 = 250): 150 at 115.
    expect(valueAt(later, 115, 'scenario')).toBeCloseTo(150, 10);
    expect(valueAt(spread, 115, 'scenario')).toBeNull();
  });

  it('is drawn only when every point has it', () => {
    const input = { curve: later, breakevens: [104], maxProfit: 600, maxLoss: 400, spot: 103 } as const;
    const layout = payoffLayout(input, 358, 300);
    expect(layout.scenarioPoints).toHaveLength(5);
    // 90 is the lowest value of the domain: 8% of air above the plot's bottom.
    expect(layout.scenarioPoints![0]!.y).toBeCloseTo(layout.y(-700), 9);
    expect(layout.scenarioPoints![0]!.y).toBeLessThan(layout.plot.bottom);
    expect(payoffLayout({ ...input, curve: spread }, 358, 300).scenarioPoints).toBeNull();
  });
});
