import { afterEach, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../shared/schemas/chat';
import { exportFileName } from './export';
import { firstWords } from './repository';
import { titleFrom } from './service';
import { makeChatWorld } from './testing';

type World = ReturnType<typeof makeChatWorld>;
let world: World | undefined;
afterEach(() => {
  world?.db.close();
  world = undefined;
});
const setUp = (): World => (world = makeChatWorld());

/** Writes a message straight into the repository (the turn itself is tested in service.test.ts). */
function addMessage(w: World, sessionId: string, role: ChatMessage['role'], content: string, extra: Partial<ChatMessage> = {}): ChatMessage {
  w.advance(1000);
  const message: ChatMessage = {
    id: `m-${Math.random().toString(36).slice(2)}`,
    sessionId,
    role,
    content,
    functionCalls: [],
    widgets: [],
    status: 'complete',
    provider: role === 'assistant' ? 'offline' : null,
    createdAt: new Date(w.clock()).toISOString(),
    ...extra,
  };
  w.chat.repo.insertMessage(message);
  w.chat.repo.touchSession(sessionId, message.createdAt);
  return message;
}

describe('chat sessions', () => {
  it('creates, renames and deletes a session, announcing each change', async () => {
    const w = setUp();
    const session = w.chat.create();
    expect(session).toEqual({ id: 'id-001', title: 'New chat', createdAt: '2026-12-01T15:00:00.000Z', updatedAt: '2026-12-01T15:00:00.000Z', messageCount: 0, preview: '' });
    w.advance(60_000);
    expect(w.chat.rename(session.id, 'SPX plan')).toMatchObject({ title: 'SPX plan', updatedAt: '2026-12-01T15:01:00.000Z' });
    addMessage(w, session.id, 'user', 'hi');
    w.chat.delete(session.id);
    expect(w.chat.list({ limit: 100 })).toEqual([]);
    expect(w.db.prepare('SELECT count(*) AS n FROM ai_coach_messages').get()).toEqual({ n: 0 });
    expect(w.events.map((e) => e.payload)).toEqual([
      { reason: 'created', id: 'id-001' },
      { reason: 'renamed', id: 'id-001' },
      { reason: 'deleted', id: 'id-001' },
    ]);
  });

  it('reads back for a turn every context message and only the last messages of a long session, in order', () => {
    const w = setUp();
    const { id } = w.chat.create();
    addMessage(w, id, 'system', 'positions: long SPY 600c');
    const turns = Array.from({ length: 30 }, (_, i) => [addMessage(w, id, 'user', `q${i}`), addMessage(w, id, 'assistant', `a${i}`)]).flat();
    addMessage(w, id, 'system', 'positions: short QQQ 480p');
    const recent = w.chat.repo.recentMessages(id, 5);
    // The five latest of the 60 turn messages (a27…a29), with both context messages where they stand.
    expect(recent.map((m) => m.content)).toEqual(['positions: long SPY 600c', 'a27', 'q28', 'a28', 'q29', 'a29', 'positions: short QQQ 480p']);
    expect(turns).toHaveLength(60);
    expect(w.chat.repo.messages(id)).toHaveLength(62);
  });

  it('refuses unknown sessions with not_found', async () => {
    const w = setUp();
    for (const attempt of [() => w.chat.get('nope'), () => w.chat.rename('nope', 'x'), () => w.chat.delete('nope'), () => w.chat.export('nope', 'json')]) {
      expect(attempt).toThrow(expect.objectContaining({ code: 'not_found', message: 'No chat session nope' }));
    }
  });

  it('lists the most recently active first, with count and preview of the visible messages', () => {
    const w = setUp();
    const older = w.chat.create('Older');
    const newer = w.chat.create('Newer');
    addMessage(w, newer.id, 'user', 'levels?');
    addMessage(w, older.id, 'user', 'What are the key levels for SPX today and where is VWAP compared with the opening range high?');
    addMessage(w, older.id, 'system', 'Positions: 1 SPX 6000c');
    const list = w.chat.list({ limit: 100 });
    expect(list.map((s) => [s.title, s.messageCount])).toEqual([
      ['Older', 1],
      ['Newer', 1],
    ]);
    expect(list[0]!.preview).toBe('What are the key levels for SPX today and where is VWAP compared with the…'); // 81 characters to 'opening': over 80
    expect(w.chat.list({ limit: 1 }).map((s) => s.title)).toEqual(['Older']);
  });

  it('searches titles and message text, case-insensitive, with % and _ taken literally', () => {
    const w = setUp();
    const a = w.chat.create('Theta decay');
    const b = w.chat.create('Morning prep');
    const c = w.chat.create('Risk');
    addMessage(w, b.id, 'assistant', 'SPX pivots: R1 6050, S1 5980');
    addMessage(w, c.id, 'user', 'Is 50% of max profit a good exit_rule?');
    const titles = (query: string) => w.chat.list({ query, limit: 100 }).map((s) => s.title);
    expect(titles('THETA')).toEqual(['Theta decay']);
    expect(titles('pivots')).toEqual(['Morning prep']);
    expect(titles('50%')).toEqual(['Risk']);
    expect(titles('exit_rule')).toEqual(['Risk']);
    expect(titles('t_eta')).toEqual([]);
    expect(titles('%')).toEqual(['Risk']);
    expect(titles('')).toHaveLength(3);
    expect(a.id).toBeDefined();
  });

  it('reloads the whole history in order, with function calls, cards and status', () => {
    const w = setUp();
    const s = w.chat.create();
    const user = addMessage(w, s.id, 'user', 'levels for spx');
    const answer = addMessage(w, s.id, 'assistant', 'PDH is 6050.', {
      status: 'stopped',
      functionCalls: [{ id: 'c1', name: 'get_key_levels', arguments: { symbol: 'SPX' }, status: 'ok', result: { pdh: 6050 }, ms: 3.5 }],
    });
    expect(w.chat.get(s.id).messages).toEqual([user, answer]);
  });

  it('keeps context the session carries as a system message, out of the count', () => {
    const w = setUp();
    const s = w.chat.create();
    const context = w.chat.injectContext(s.id, 'Open positions: long 2 SPY 600c Dec 19 @ 4.10');
    expect(context).toMatchObject({ role: 'system', provider: null, status: 'complete', sessionId: s.id });
    expect(w.chat.get(s.id).messages).toEqual([context]);
    expect(w.chat.get(s.id).session.messageCount).toBe(0);
    expect(w.events.at(-1)).toEqual({ name: 'chat:sessionsChanged', payload: { reason: 'message', id: s.id } });
    expect(() => w.chat.injectContext('nope', 'x')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('exports Markdown with each message, the functions called and the stopped mark', () => {
    const w = setUp();
    const s = w.chat.create('SPX: levels & plan!');
    addMessage(w, s.id, 'user', 'levels for spx');
    addMessage(w, s.id, 'assistant', 'PDH **6050**', {
      status: 'stopped',
      functionCalls: [
        { id: 'c1', name: 'get_key_levels', arguments: { symbol: 'SPX', timeframe: '5m' }, status: 'ok', result: {}, ms: 2 },
        { id: 'c2', name: 'get_option_greeks', arguments: { symbol: 'SPX' }, status: 'error', result: {}, error: 'strike: Required', ms: 1 },
      ],
    });
    const md = w.chat.export(s.id, 'markdown');
    expect(md.filename).toBe('spx-levels-plan.md');
    expect(md.mimeType).toBe('text/markdown; charset=utf-8');
    expect(md.content).toBe(
      [
        '# SPX: levels & plan!',
        '',
        '_Exported 2026-12-01 15:00 UTC · started 2026-12-01 15:00 UTC · 2 messages_',
        '',
        '## You · 2026-12-01 15:00 UTC',
        '',
        'levels for spx',
        '',
        '## Coach (offline coach) · 2026-12-01 15:00 UTC',
        '',
        'Functions called:',
        '- `get_key_levels(symbol: "SPX", timeframe: "5m")` — ok',
        '- `get_option_greeks(symbol: "SPX")` — error: strike: Required',
        '',
        'PDH **6050**',
        '',
        '_(stopped before the end of the answer)_',
        '',
      ].join('\n'),
    );
  });

  it('exports JSON that parses back to the stored session and messages', () => {
    const w = setUp();
    const s = w.chat.create('Plan');
    addMessage(w, s.id, 'user', 'hi');
    const json = w.chat.export(s.id, 'json');
    expect(json).toMatchObject({ filename: 'plan.json', mimeType: 'application/json' });
    expect(JSON.parse(json.content)).toEqual({ exportedAt: new Date(w.clock()).toISOString(), ...w.chat.get(s.id) });
  });

  it('answers the status of the engine and cancels streams by id', async () => {
    const w = setUp();
    expect(w.chat.status()).toEqual({ provider: 'offline', label: 'Scripted coach', model: null, functions: [] });
    const stream = w.streams.open('s-1');
    const cancel = w.chat.handlers()['chat:cancel']!;
    const ctx = { requestId: 'r', log: (await import('../observability/logger')).silentLogger, transport: 'internal' as const };
    expect(await cancel({ streamId: 's-1' }, ctx)).toEqual({ cancelled: true });
    expect(stream.signal.aborted).toBe(true);
    expect(await cancel({ streamId: 's-1' }, ctx)).toEqual({ cancelled: false });
  });
});

describe('titles and file names', () => {
  it.each([
    ['key levels for SPX', 'key levels for SPX'],
    ['  what\n is   the\tplan  ', 'what is the plan'],
    ['What are the key levels for SPX today and where is VWAP compared with the ORH?', 'What are the key levels for SPX today and where is VWAP…'],
    ['x'.repeat(70), `${'x'.repeat(59)}…`],
  ])('titles %j as %j', (message, title) => {
    expect(titleFrom(message)).toBe(title);
    expect(titleFrom(message).length).toBeLessThanOrEqual(60);
  });

  it('cuts at a word only when the word leaves at least half the room', () => {
    expect(firstWords('aaaa bbbbbbbbbbbb', 10)).toBe('aaaa bbbb…');
    expect(firstWords('aaaaaa bbbbbbbbbbbb', 10)).toBe('aaaaaa…');
  });

  it.each([
    ['Morning: SPX 0DTE plan', 'md', 'morning-spx-0dte-plan.md'],
    ['Élan', 'json', 'elan.json'],
    ['!!!', 'md', 'chat.md'],
  ] as const)('names the file of %j', (title, ext, name) => {
    expect(exportFileName(title, ext)).toBe(name);
  });
});
