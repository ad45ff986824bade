import { describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/schemas/alerts';
import { formatPrice, triggerMessage } from './message';

const alert = (fields: Partial<Alert>): Alert => ({
  id: 'a', userId: 'local', symbol: 'SPY', condition: 'above', targetPrice: 600, level: null, levelDate: null, percent: null, referencePrice: null,
  triggerMode: 'once', cooldownSeconds: 900, expiresAt: null, note: null, status: 'active', triggeredAt: null, triggerPrice: null, triggerCount: 0,
  rearmAt: null, lastPrice: null, lastPriceAt: null, createdAt: 't', updatedAt: 't', ...fields,
});

describe('triggerMessage', () => {
  it('names the symbol, what it did and the price, at New York time', () => {
    // 2026-12-01T15:31:00Z is 10:31 in New York (EST, UTC−5).
    expect(triggerMessage(alert({ condition: 'crosses_below', targetPrice: 5980.5 }), 5979.25, Date.parse('2026-12-01T15:31:00Z'))).toEqual({
      title: 'SPY crossed below 5,980.50',
      body: 'SPY at 5,979.25, 10:31 ET.',
    });
  });

  it('writes the hour after midnight as 00, not 24', () => {
    expect(triggerMessage(alert({}), 601, Date.parse('2026-12-02T05:09:00Z')).body).toBe('SPY at 601.00, 00:09 ET.');
  });

  it('shows a key level with its price, a percent move with its reference, and the note', () => {
    expect(triggerMessage(alert({ condition: 'crosses', level: 'VWAP −1σ', targetPrice: 598.123 }), 598.2, 0).title).toBe('SPY crossed VWAP −1σ (598.12)');
    expect(triggerMessage(alert({ condition: 'pct_move_down', percent: 3, referencePrice: 6000, targetPrice: 5820, note: 'cover' }), 5819, 0)).toEqual({
      title: 'SPY down 3 % from 6,000.00 (5,820.00)',
      body: 'SPY at 5,819.00, 19:00 ET. cover',
    });
  });
});

describe('formatPrice', () => {
  it('shows cents, and four decimals below a dollar', () => {
    expect(formatPrice(12.5)).toBe('12.50');
    expect(formatPrice(0.0412)).toBe('0.0412');
  });
});
