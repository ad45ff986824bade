import { describe, expect, it } from 'vitest';
import { chainOf, contract, optionsInput } from '../../testing';
import { unusualVolumeScan } from './unusual-volume';

const params = { minRatio: 2, minVolume: 500 };

describe('unusual_volume', () => {
  it('picks the call with the highest volume / open interest (a 3× tie goes to the larger volume): 105 call, 900 on 300, score 75', () => {
    const chain = chainOf([
      { strike: 95, call: contract('call', 95, { volume: 400, openInterest: 10 }), put: contract('put', 95, { volume: 1000, openInterest: 800 }) },
      { strike: 105, call: contract('call', 105, { volume: 900, openInterest: 300, mid: 1.2 }), put: null },
      { strike: 110, call: contract('call', 110, { volume: 600, openInterest: 200 }), put: null },
    ]);
    const [finding, ...rest] = unusualVolumeScan.run(optionsInput(chain), params);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ direction: 'bullish', score: 75, metrics: { right: 'call', strike: 105, volume: 900, openInterest: 300, ratio: 3, premium: 108_000 } });
    expect(finding!.reason).toBe('SPY 105.00 call (2026-12-31) traded 900 contracts against open interest 300 (3.0×), about $108.0K of premium at the mid 1.20.');
    expect(finding!.suggestion.action).toEqual({ type: 'set_alert', symbol: 'SPY', condition: 'crosses_above', price: 105 });
  });

  it('a put on no open interest counts it as 1 (1 200×, bearish, score 100)', () => {
    const chain = chainOf([{ strike: 95, call: null, put: contract('put', 95, { volume: 1200, openInterest: 0 }) }]);
    expect(unusualVolumeScan.run(optionsInput(chain), params)).toMatchObject([{ direction: 'bearish', score: 100, metrics: { ratio: 1200 }, suggestion: { action: { condition: 'crosses_below', price: 95 } } }]);
  });

  it('does not fire below the volume floor (400 on 10) or below the ratio (1 000 on 800 is 1.25×)', () => {
    const chain = chainOf([{ strike: 95, call: contract('call', 95, { volume: 400, openInterest: 10 }), put: contract('put', 95, { volume: 1000, openInterest: 800 }) }]);
    expect(unusualVolumeScan.run(optionsInput(chain), params)).toEqual([]);
  });
});
