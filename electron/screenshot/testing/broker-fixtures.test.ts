import { describe, expect, it } from 'vitest';
import { ConfirmedPositionSchema } from '../../../shared/schemas/screenshot';
import { brokerFixtures, renderFixture, renderHtmlToPng, withChromium } from './broker-fixtures';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const money = (n: number, decimals = 2) => Math.abs(n).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

/** The ways the layouts write an expiry (thinkorswim, IBKR, Robinhood/Tastytrade, OCC). */
function expiryForms(iso: string): string[] {
  const [y, m, d] = iso.split('-');
  const mon = MONTHS[Number(m) - 1];
  const yy = y!.slice(2);
  return [`${d} ${mon} ${yy}`, `${mon}${d}'${yy}`, `${Number(m)}/${Number(d)}/${yy}`, `${yy}${m}${d}`];
}

describe('broker fixtures', () => {
  const fixtures = brokerFixtures();

  it('cover six layouts in a light and a dark theme, 4–7 rows each', () => {
    expect(fixtures).toHaveLength(12);
    expect(new Set(fixtures.map((f) => f.id)).size).toBe(12);
    for (const f of fixtures) expect(f.truth.length, f.id).toBeGreaterThanOrEqual(4);
    for (const f of fixtures) expect(f.truth.length, f.id).toBeLessThanOrEqual(7);
  });

  it('hold valid confirmed positions whose open P&L follows from their prices', () => {
    for (const f of fixtures) {
      for (const p of f.truth) {
        expect(ConfirmedPositionSchema.safeParse(p).success, `${f.id} ${p.symbol}`).toBe(true);
        const perUnit = p.side === 'long' ? p.mark! - p.avgPrice! : p.avgPrice! - p.mark!;
        expect(perUnit * p.quantity * (p.assetType === 'stock' ? 1 : 100), `${f.id} ${p.symbol} ${p.strike}`).toBeCloseTo(p.pnl!, 6);
      }
    }
  });

  it('mix stocks, calls and puts, long and short, an index with a 4–5 digit strike', () => {
    const all = fixtures.flatMap((f) => f.truth);
    expect(new Set(all.map((p) => p.assetType))).toEqual(new Set(['stock', 'call', 'put']));
    expect(new Set(all.map((p) => p.side))).toEqual(new Set(['long', 'short']));
    for (const f of fixtures) expect(f.truth.some((p) => (p.strike ?? 0) >= 1000), f.id).toBe(true);
  });

  it('show every truth value in the page', () => {
    for (const f of fixtures) {
      for (const p of f.truth) {
        const label = `${f.id} ${p.symbol} ${p.assetType} ${p.strike ?? ''}`;
        expect(f.html, label).toContain(p.symbol);
        for (const n of [p.avgPrice!, p.mark!, p.pnl!]) expect([money(n), money(n, 3)].some((s) => f.html.includes(s)), `${label}: ${n}`).toBe(true);
        if (p.assetType === 'stock') continue;
        const strike = [money(p.strike!, 0), String(p.strike), String(p.strike! * 1000).padStart(8, '0')];
        expect(strike.some((s) => f.html.includes(s)), `${label}: strike`).toBe(true);
        expect(expiryForms(p.expiry!).some((s) => f.html.includes(s)), `${label}: expiry`).toBe(true);
      }
    }
  });

  it('render to PNG screenshots of the table with the page around it', async () => {
    const [light, blank] = await withChromium(async (browser) => [await renderFixture(fixtures[0]!, browser), await renderHtmlToPng('<p>No table here</p>', browser)]);
    for (const png of [light!, blank!]) expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR: width then height, big-endian, at bytes 16 and 20.
    expect(light!.readUInt32BE(16)).toBeGreaterThan(600);
    expect(light!.readUInt32BE(20)).toBeGreaterThan(200);
  });
});
