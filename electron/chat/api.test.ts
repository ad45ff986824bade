import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatSession } from '../../shared/schemas/chat';
import { startTestHost, type TestHost } from '../testing/test-host';

const json = { 'content-type': 'application/json' };

describe('chat sessions through the contract (REST)', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(() => t.close());

  it('creates, lists, searches, renames, exports and deletes over the REST routes', async () => {
    const created = (await (await t.request('/api/chat/sessions', { method: 'POST', body: JSON.stringify({ title: 'Gamma squeeze' }), headers: json })).json()) as ChatSession;
    expect(created).toMatchObject({ title: 'Gamma squeeze', messageCount: 0 });

    const found = await (await t.request('/api/chat/sessions?query=GAMMA&limit=5')).json();
    expect(found).toEqual({ sessions: [created] });
    expect(await (await t.request('/api/chat/sessions?query=vanna')).json()).toEqual({ sessions: [] });

    const renamed = await t.request(`/api/chat/sessions/${created.id}`, { method: 'PATCH', body: JSON.stringify({ title: '  ' }), headers: json });
    expect(renamed.status).toBe(400);
    expect(await renamed.json()).toMatchObject({ error: { code: 'invalid_input', message: 'Invalid input for chat:rename: title: Title cannot be empty' } });
    await t.request(`/api/chat/sessions/${created.id}`, { method: 'PATCH', body: JSON.stringify({ title: 'Vanna' }), headers: json });

    const exported = await (await t.request(`/api/chat/sessions/${created.id}/export?format=markdown`)).json();
    expect(exported).toMatchObject({ filename: 'vanna.md', mimeType: 'text/markdown; charset=utf-8' });
    expect((exported as { content: string }).content).toMatch(/^# Vanna\n/);

    expect(await (await t.request(`/api/chat/sessions/${created.id}`, { method: 'DELETE' })).json()).toEqual({ removed: true });
    const again = await t.request(`/api/chat/sessions/${created.id}`);
    expect(again.status).toBe(404);
  });

  it('says which engine answers and that a finished stream cannot be cancelled', async () => {
    expect(await (await t.rpc('chat:status', {})).json()).toMatchObject({ provider: 'offline', label: 'Offline coach', model: null });
    expect(await (await t.rpc('chat:cancel', { streamId: 'not-running' })).json()).toEqual({ cancelled: false });
  });
});
