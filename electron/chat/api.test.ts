import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSse } from '../../shared/client';
import type { ChatSession, ChatStreamEvent } from '../../shared/schemas/chat';
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

describe('the offline coach end to end (real host, real functions, SSE)', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(() => t.close());

  it('answers "key levels for SPX" with the levels function, its card before the text ends, and stores the turn', async () => {
    const res = await t.request('/api/chat/message', { method: 'POST', body: JSON.stringify({ message: 'key levels for SPX' }), headers: { ...json, accept: 'text/event-stream' } });
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const events: ChatStreamEvent[] = [];
    await readSse(res.body!, (_name, data) => events.push(JSON.parse(data) as ChatStreamEvent));
    const order = events.map((e) => e.type);
    expect(order[0]).toBe('stream_start');
    expect(order.slice(-2)).toEqual(['message_complete', 'stream_end']);
    const start = events.find((e) => e.type === 'function_call_start');
    expect(start).toMatchObject({ name: 'get_key_levels', arguments: expect.objectContaining({ symbol: 'SPX' }) });
    const result = events.findIndex((e) => e.type === 'function_call_result');
    expect(events[result]).toMatchObject({ status: 'ok', widget: { type: 'key_levels' } });
    // The card arrives before the last token of the text.
    expect(result).toBeLessThan(order.lastIndexOf('token'));
    const complete = events.at(-2) as Extract<ChatStreamEvent, { type: 'message_complete' }>;
    expect(complete.message.content).toBe(events.flatMap((e) => (e.type === 'token' ? [e.content] : [])).join(''));
    expect(complete.message).toMatchObject({ provider: 'offline', status: 'complete', widgets: [expect.objectContaining({ type: 'key_levels' })] });
    const stored = (await (await t.request(`/api/chat/sessions/${complete.sessionId}`)).json()) as { messages: unknown[] };
    expect(stored.messages).toEqual([complete.userMessage, complete.message]);
  });
});

