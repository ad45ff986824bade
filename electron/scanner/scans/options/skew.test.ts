import { describe, expect, it } from 'vitest';
import { chainOf, contract, optionsInput } from '../../testing';
import { skewScan } from './skew';

/** Puts at −0.10/−0.24/−0.40 delta and calls at 0.40/0.26/0.10; the 25-delta pair is the 97 put and the 103 call. ATM (100) IV = (call + put) / 2. */
function chain(put25Iv: number, call25Iv: number) {
  return chainOf([
    { strike: 94, call: null, put: contract('put', 94, { delta: -0.1, iv: 0.35 }) },
    { strike: 97, call: null, put: contract('put', 97, { delta: -0.24, iv: put25Iv }) },
    { strike: 99, call: null, put: contract('put', 99, { delta: -0.4, iv: 0.26 }) },
    { strike: 100, call: contract('call', 100, { iv: 0.23 }), put: contract('put', 100, { iv: 0.25 }) },
    { strike: 101, call: contract('call', 101, { delta: 0.4, iv: 0.22 }), put: null },
    { strike: 103, call: contract('call', 103, { delta: 0.26, iv: call25Iv }), put: null },
    { strike: 106, call: contract('call', 106, { delta: 0.1, iv: 0.21 }), put: null },
  ]);
}

describe('skew_extreme', () => {
  it('puts 10 vol points over calls on an ATM IV of 24 % is a skew of 0.4167: fires over a 0.35 threshold (score 50 + 50 × 0.0667/0.25 = 63.3)', () => {
    const [finding] = skewScan.run(optionsInput(chain(0.3, 0.2)), { putSkewAbove: 0.35, callSkewAbove: 0.02 });
    expect(finding).toMatchObject({ direction: 'bearish', score: 63.3, metrics: { skew: 0.4167, putIv: 0.3, callIv: 0.2, atmIv: 0.24, putStrike: 97, callStrike: 103, putDelta: -0.24, callDelta: 0.26 } });
    expect(finding!.reason).toBe(
      'SPY 25-delta puts (97.00, IV 30.0 %) trade 10.0 vol points over 25-delta calls (103.00, IV 20.0 %): 0.42 of the ATM IV 24.0 %, a steep put skew (the market pays up for downside protection).',
    );
    expect(finding!.suggestion.action).toEqual({ type: 'set_alert', symbol: 'SPY', condition: 'crosses_below', price: 97 });
  });

  it('does not fire on the same chain at the default 0.45, nor on a mild skew either way', () => {
    expect(skewScan.run(optionsInput(chain(0.3, 0.2)), { putSkewAbove: 0.45, callSkewAbove: 0.02 })).toEqual([]);
    expect(skewScan.run(optionsInput(chain(0.24, 0.24)), { putSkewAbove: 0.45, callSkewAbove: 0.02 })).toEqual([]);
  });

  it('calls 3 points over puts is a call skew of 0.125 ATM IVs: bullish, score 50 + 50 × 0.105/0.25 = 71', () => {
    const [finding] = skewScan.run(optionsInput(chain(0.19, 0.22)), { putSkewAbove: 0.45, callSkewAbove: 0.02 });
    expect(finding).toMatchObject({ direction: 'bullish', score: 71, metrics: { skew: -0.125 }, suggestion: { action: { condition: 'crosses_above', price: 103 } } });
  });
});
