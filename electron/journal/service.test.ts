import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analytics, Trade } from '../../shared/schemas/journal';
import { startTestHost, type TestHost } from '../testing/test-host';

const json = { 'content-type': 'application/json' };

describe('journal REST routes and contract calls', () => {
  let t: TestHost;
  const events: { name: string; payload: unknown }[] = [];
  beforeAll(async () => {
    t = await startTestHost();
    t.host.events.subscribe((name, payload) => events.push({ name, payload }));
  });
  afterAll(() => t.close());

  const post = (body: unknown) => t.request('/api/journal/trades', { method: 'POST', body: JSON.stringify(body), headers: json });

  it('creates, reads, lists, edits and deletes trades', async () => {
    const created = await post({
      symbol: 'spy', side: 'long', quantity: 100, entryPrice: 470, exitPrice: 472.5, entryTime: '2024-01-08T14:35:00Z', exitTime: '2024-01-08T14:50:00Z',
      fees: 2, strategy: 'breakout', tags: ['a+'], plannedStop: 469,
    });
    expect(created.status).toBe(200);
    const trade = (await created.json()) as Trade;
    // 2.50 × 100 − 2 = 248
    expect(trade).toMatchObject({ symbol: 'SPY', underlying: 'SPY', assetType: 'stock', multiplier: 1, groupId: trade.id, netPnl: 248, userId: 'local' });
    const option = (await (await post({ symbol: 'QQQ', assetType: 'option', optionType: 'put', strike: 400, expiry: '2024-01-19', side: 'short', quantity: 1, entryPrice: 1.2, entryTime: '2024-01-09T15:00:00Z' })).json()) as Trade;
    expect(option).toMatchObject({ multiplier: 100, exitPrice: null, netPnl: null });

    expect(await (await t.request(`/api/journal/trades/${trade.id}`)).json()).toEqual(trade);
    const list = (await (await t.request('/api/journal/trades?status=closed&limit=10&sort=netPnl')).json()) as { trades: Trade[]; total: number };
    expect(list).toMatchObject({ total: 1, trades: [{ id: trade.id }] });
    expect(((await (await t.request('/api/journal/trades?tag=A%2B&symbol=spy')).json()) as { total: number }).total).toBe(1);
    expect(((await (await t.request('/api/journal/trades?from=2024-01-09&to=2024-01-09')).json()) as { trades: Trade[] }).trades.map((x) => x.id)).toEqual([option.id]);

    const patched = await t.request(`/api/journal/trades/${option.id}`, { method: 'PATCH', body: JSON.stringify({ exitPrice: 0.4, exitTime: '2024-01-10T15:00:00Z', notes: 'took profit' }), headers: json });
    // short 1 put 1.20 → 0.40: 0.80 × 100 = 80
    expect(await patched.json()).toMatchObject({ id: option.id, netPnl: 80, notes: 'took profit' });

    const removed = await t.request(`/api/journal/trades/${trade.id}`, { method: 'DELETE' });
    expect(await removed.json()).toEqual({ removed: true });
    expect((await t.request(`/api/journal/trades/${trade.id}`)).status).toBe(404);
    // Deleting it again: not found, like reading it, and no change announced.
    const again = await t.request(`/api/journal/trades/${trade.id}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect(await t.host.dispatch('journal:delete', { id: trade.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(events.filter((e) => e.name === 'journal:changed').map((e) => (e.payload as { reason: string }).reason)).toEqual(['created', 'created', 'updated', 'deleted']);
  });

  it('refuses bad trades with an issue per field and stores nothing', async () => {
    const before = ((await (await t.request('/api/journal/trades')).json()) as { total: number }).total;
    const bad = await post({ symbol: '', assetType: 'option', side: 'long', quantity: -1, entryPrice: 'x', entryTime: 'yesterday', exitPrice: 2 });
    expect(bad.status).toBe(400);
    const { error } = (await bad.json()) as { error: { code: string; issues: { path: string[] }[] } };
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((i) => i.path.join('.')).sort()).toEqual(['entryPrice', 'entryTime', 'quantity', 'symbol']);
    const rules = await post({ symbol: 'SPY', assetType: 'option', side: 'long', quantity: 1, entryPrice: 1, entryTime: '2024-01-08T15:00:00Z', exitPrice: 2 });
    expect(((await rules.json()) as { error: { issues: { path: string[] }[] } }).error.issues.map((i) => i.path[0]).sort()).toEqual(['exitTime', 'expiry', 'optionType', 'strike']);
    expect(((await (await t.request('/api/journal/trades')).json()) as { total: number }).total).toBe(before);

    const { trades } = (await (await t.request('/api/journal/trades')).json()) as { trades: Trade[] };
    const patch = await t.request(`/api/journal/trades/${trades[0]!.id}`, { method: 'PATCH', body: JSON.stringify({ exitTime: '2023-01-01T00:00:00Z' }), headers: json });
    expect(patch.status).toBe(400);
    expect(((await patch.json()) as { error: { message: string } }).error.message).toBe('exitTime: Exit is before entry');
  });

  it('serves analytics with filters over the query string', async () => {
    const all = (await (await t.request('/api/journal/analytics')).json()) as Analytics;
    expect(all).toMatchObject({ trades: 1, netPnl: 80, wins: 1, winRate: 1, profitFactor: null });
    const none = (await (await t.request('/api/journal/analytics?symbol=AAPL')).json()) as Analytics;
    expect(none).toMatchObject({ trades: 0, netPnl: 0, winRate: null });
    expect((await t.request('/api/journal/analytics?from=tomorrow')).status).toBe(400);
  });

  it('runs the import through its REST routes', async () => {
    const uploadId = crypto.randomUUID();
    const text = 'Time,Symbol,Side,Quantity,Price\n2024-03-01 10:00:00,IWM,Buy,10,200\n2024-03-01 10:30:00,IWM,Sell,10,201\n';
    const up = await t.request('/api/journal/import/upload', { method: 'POST', body: JSON.stringify({ uploadId, chunkIndex: 0, text }), headers: json });
    expect(await up.json()).toEqual({ uploadId, chunks: 1, bytes: text.length });
    const preview = await t.request('/api/journal/import/preview', { method: 'POST', body: JSON.stringify({ uploadId }), headers: json });
    expect(await preview.json()).toMatchObject({ detectedPreset: 'generic', counts: { trades: 1, errors: 0 }, trades: [{ symbol: 'IWM', netPnl: 10 }] });
    const commit = await t.request('/api/journal/import/commit', { method: 'POST', body: JSON.stringify({ uploadId }), headers: json });
    expect(await commit.json()).toEqual({ inserted: 1, duplicates: 0, groups: 1 });
    const presets = (await (await t.request('/api/journal/import/presets')).json()) as { id: string }[];
    expect(presets.map((p) => p.id)).toEqual(['thinkorswim', 'ibkr', 'tastytrade', 'webull', 'schwab', 'robinhood', 'generic']);
  });
});
