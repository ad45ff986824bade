import { describe, expect, it } from 'vitest';
import { Database } from '../db/database';
import { silentLogger } from '../observability/logger';
import { TradeRepository, type NewTrade } from './repository';

function stockTrade(n: number, extra: Partial<NewTrade> = {}): NewTrade {
  return {
    symbol: 'SPY',
    underlying: 'SPY',
    assetType: 'stock',
    optionType: null,
    strike: null,
    expiry: null,
    multiplier: 1,
    side: 'long',
    quantity: 10,
    entryPrice: 500 + n / 100,
    exitPrice: 501 + n / 100,
    entryTime: '2025-07-01T13:31:00.000Z',
    exitTime: '2025-07-01T14:00:00.000Z',
    fees: 1,
    strategy: null,
    tags: [],
    notes: null,
    plannedStop: null,
    plannedTarget: null,
    groupId: `g-${n}`,
    broker: 'generic',
    fingerprint: `fp-${n}`,
    ...extra,
  };
}

function setUp() {
  const db = new Database({ file: ':memory:', logger: silentLogger, slowQueryMs: 1000 });
  const repo = new TradeRepository(db);
  const count = () => db.prepare<{ n: number }>('SELECT COUNT(*) AS n FROM ai_coach_trades').get()!.n;
  return { db, repo, count };
}

const trades = (n: number, from = 0) => Array.from({ length: n }, (_, i) => stockTrade(from + i));

describe('TradeRepository.insertMany', () => {
  it('shows nothing of an import while its rows are staged, then all of it', async () => {
    const { repo, count } = setUp();
    const seenBetweenBatches: number[] = [];
    const inserted = await repo.insertMany(trades(25), { batch: 10, onBatch: () => seenBetweenBatches.push(count()) });
    expect(seenBetweenBatches).toEqual([0, 0, 0]);
    expect(inserted).toBe(25);
    expect(count()).toBe(25);
  });

  it('writes nothing when a row in a later batch breaks a rule, and keeps what other calls wrote meanwhile', async () => {
    const { repo, count } = setUp();
    const batches = [...trades(20), stockTrade(99, { quantity: -1 })];
    let other = 0;
    const importing = repo.insertMany(batches, {
      batch: 10,
      // Another call writes a trade of its own while the import is under way.
      onBatch: () => void (other++ === 0 && repo.insert(stockTrade(500))),
    });
    await expect(importing).rejects.toThrow(/CHECK constraint/);
    expect(count()).toBe(1);
    expect(repo.get(repo.list({ status: 'all', sort: 'entryTime', order: 'desc', limit: 10, offset: 0 }).trades[0]!.id)?.fingerprint).toBe('fp-500');
  });

  it('runs imports one after the other and skips fingerprints already stored', async () => {
    const { repo, count } = setUp();
    const [first, second] = await Promise.all([repo.insertMany(trades(15), { batch: 4 }), repo.insertMany(trades(15, 10), { batch: 4 })]);
    expect(first).toBe(15);
    expect(second).toBe(10); // fp-10 … fp-14 came with the first file
    expect(count()).toBe(25);
    await expect(repo.insertMany(trades(25))).resolves.toBe(0);
  });
});
