import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OptionChain } from '../../../shared/schemas/chains';
import { marketDate } from '../../market/calendar';
import { startTestHost, type TestHost } from '../../testing/test-host';
import { parityViolations } from './testing';

/** Status and body of a response (`{error: {code, message}}` when it failed). */
async function read<T>(res: Response): Promise<{ status: number; body: T & { error?: { code: string; message: string } } }> {
  return { status: res.status, body: (await res.json()) as T & { error?: { code: string; message: string } } };
}

describe('options:chain through the contract (simulated market, wall clock)', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(() => t.close());

  it('answers GET /api/options/chain and POST /api/rpc/options:chain alike, nearest expiry by default', async () => {
    const rest = await read<OptionChain>(await t.request('/api/options/chain?underlying=spy'));
    expect(rest.status).toBe(200);
    expect(rest.body).toMatchObject({ underlying: 'SPY', source: 'simulated', style: 'american' });
    expect(rest.body.expiry).toEqual(rest.body.expirations[0]);
    expect(parityViolations(rest.body)).toEqual([]);

    const monthly = rest.body.expirations.find((e) => e.kind === 'monthly')!;
    const rpc = await read<OptionChain>(await t.rpc('options:chain', { underlying: 'SPX', expiry: monthly.date }));
    expect(rpc.status).toBe(200);
    expect(rpc.body).toMatchObject({ underlying: 'SPX', style: 'european', expiry: { date: monthly.date, kind: 'monthly', settlement: 'AM' } });
    expect(parityViolations(rpc.body)).toEqual([]);
  });

  it('refuses an unknown underlying (404), a malformed or impossible date and an unlisted or past expiry (400)', async () => {
    const unknown = await read(await t.rpc('options:chain', { underlying: 'ZZZZ' }));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'not_found', message: expect.stringContaining('Unknown underlying ZZZZ') });

    const malformed = await read(await t.request('/api/options/chain?underlying=SPY&expiry=12/18/2026'));
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({ code: 'invalid_input', message: 'Invalid input for options:chain: expiry: Expiry must be a date written YYYY-MM-DD' });

    const impossible = await read(await t.rpc('options:chain', { underlying: 'SPY', expiry: '2027-02-30' }));
    expect(impossible.body.error).toMatchObject({ code: 'invalid_input', message: 'Invalid input for options:chain: expiry: Expiry is not a real calendar date' });

    const unlisted = await read(await t.rpc('options:chain', { underlying: 'SPY', expiry: '2031-01-18' }));
    expect(unlisted.status).toBe(400);
    expect(unlisted.body.error!.message).toMatch(/^Invalid input for options:chain: expiry: SPY has no expiration on 2031-01-18 \(a weekend\); the nearest listed: \d{4}-\d{2}-\d{2}$/);

    const past = await read(await t.rpc('options:chain', { underlying: 'SPY', expiry: '2025-01-03' }));
    expect(past.body.error!.message).toContain(`2025-01-03 has already expired (today is ${marketDate(Date.now())} in New York)`);
  });
});
