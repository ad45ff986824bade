import { describe, expect, it } from 'vitest';
import type { ChatMessage, ChatStreamEvent } from '../../../shared/schemas/chat';
import type { Widget } from '../../../shared/schemas/chat-widgets';
import { afterLastUserMessage, applyStreamEvent, functionLabel, mergeStoppedTurn, mergeTurnResult, retryAfterFailure, startTurn, turnWidgets, type StreamingTurn } from './chat-turn';

const AT = '2026-12-01T15:00:00.000Z';
const levels: Widget = { type: 'key_levels', title: 'SPX key levels', data: { symbol: 'SPX', date: '2026-12-01', lastPrice: 6010, levels: [], atrDaily: null, vwap: null, expectedMove: null } };

function message(id: string, role: ChatMessage['role'], content: string): ChatMessage {
  return { id, sessionId: 's1', role, content, functionCalls: [], widgets: [], status: 'complete', provider: role === 'assistant' ? 'offline' : null, createdAt: AT };
}

const play = (events: ChatStreamEvent[], turn: StreamingTurn = startTurn('key levels for SPX')) => events.reduce(applyStreamEvent, turn);

describe('the streaming bubble', () => {
  it('appends tokens in order and follows each call from running to its result', () => {
    const turn = play([
      { type: 'stream_start', sessionId: 's1', messageId: 'm2', provider: 'offline' },
      { type: 'function_call_start', id: 'c1', name: 'get_key_levels', label: 'Checking key levels…', arguments: { symbol: 'SPX' } },
      { type: 'token', content: 'SPX ' },
      { type: 'token', content: 'sits ' },
    ]);
    expect(turn).toMatchObject({ phase: 'streaming', sessionId: 's1', messageId: 'm2', provider: 'offline', text: 'SPX sits ' });
    expect(turn.calls).toEqual([{ id: 'c1', name: 'get_key_levels', label: 'Checking key levels…', status: 'running' }]);
    expect(turnWidgets(turn)).toEqual([]);

    const after = play([{ type: 'function_call_result', id: 'c1', name: 'get_key_levels', status: 'ok', result: {}, widget: levels }, { type: 'token', content: 'above PDH.' }], turn);
    expect(after.calls[0]).toMatchObject({ status: 'ok', label: 'Checking key levels…' });
    // The card is there while the text is still arriving.
    expect(turnWidgets(after)).toEqual([levels]);
    expect(after).toMatchObject({ phase: 'streaming', text: 'SPX sits above PDH.' });
  });

  it('marks a failed call and keeps the others apart by id', () => {
    const turn = play([
      { type: 'function_call_start', id: 'a', name: 'get_current_price', label: 'Getting the price…', arguments: {} },
      { type: 'function_call_start', id: 'b', name: 'get_option_greeks', label: 'Pricing the option…', arguments: {} },
      { type: 'function_call_result', id: 'b', name: 'get_option_greeks', status: 'error', result: { error: 'no 6000 strike' } },
    ]);
    expect(turn.calls.map((c) => [c.id, c.status])).toEqual([
      ['a', 'running'],
      ['b', 'error'],
    ]);
  });

  it('ends complete with the stored text, stopped on abort, failed on other errors', () => {
    const user = message('u1', 'user', 'key levels for SPX');
    const answer = message('m2', 'assistant', 'SPX sits above PDH.');
    expect(play([{ type: 'token', content: 'SPX sits' }, { type: 'message_complete', sessionId: 's1', userMessage: user, message: answer, functionCalls: [] }, { type: 'stream_end' }])).toMatchObject({
      phase: 'complete',
      text: 'SPX sits above PDH.',
      messageId: 'm2',
    });
    expect(play([{ type: 'token', content: 'SPX' }, { type: 'error', code: 'aborted', message: 'Stopped' }])).toMatchObject({ phase: 'stopped', text: 'SPX' });
    expect(play([{ type: 'error', code: 'unavailable', message: 'Model down', requestId: 'r1' }]).error).toEqual({ code: 'unavailable', message: 'Model down', requestId: 'r1' });
  });
});

describe('merging a turn into the session', () => {
  const history = [message('u1', 'user', 'hi'), message('a1', 'assistant', 'hello'), message('u2', 'user', 'levels?'), message('a2', 'assistant', 'old answer')];

  it('appends a new exchange, and replaces the answer after a regenerated user message', () => {
    const fresh = { sessionId: 's1', userMessage: message('u3', 'user', 'more'), message: message('a3', 'assistant', 'sure'), functionCalls: [] };
    expect(mergeTurnResult(history, fresh).map((m) => m.id)).toEqual(['u1', 'a1', 'u2', 'a2', 'u3', 'a3']);
    const again = { sessionId: 's1', userMessage: history[2]!, message: message('a2b', 'assistant', 'new answer'), functionCalls: [] };
    expect(mergeTurnResult(history, again).map((m) => m.id)).toEqual(['u1', 'a1', 'u2', 'a2b']);
  });

  it('keeps a stopped answer with its partial text and cards, marked stopped', () => {
    const turn = play([
      { type: 'stream_start', sessionId: 's1', messageId: 'a3', provider: 'offline' },
      { type: 'function_call_start', id: 'c1', name: 'get_key_levels', label: 'Checking key levels…', arguments: {} },
      { type: 'function_call_result', id: 'c1', name: 'get_key_levels', status: 'ok', result: {}, widget: levels },
      { type: 'token', content: 'Half an ans' },
    ]);
    const merged = mergeStoppedTurn(history, turn, AT);
    expect(merged.map((m) => [m.id, m.role, m.content])).toEqual([...history.map((m) => [m.id, m.role, m.content]), ['local-a3', 'user', 'key levels for SPX'], ['a3', 'assistant', 'Half an ans']]);
    expect(merged.at(-1)).toMatchObject({ status: 'stopped', widgets: [levels], provider: 'offline' });

    const regenerated = play([{ type: 'stream_start', sessionId: 's1', messageId: 'a2b', provider: 'offline' }, { type: 'token', content: 'Par' }], startTurn('', { regenerate: true, sessionId: 's1' }));
    expect(mergeStoppedTurn(history, regenerated, AT).map((m) => m.id)).toEqual(['u1', 'a1', 'u2', 'a2b']);
    // Stopped before the server started the answer: nothing to keep.
    expect(mergeStoppedTurn(history, startTurn('too soon'), AT)).toEqual(history);
  });

  it('finds where a regenerated answer goes', () => {
    expect(afterLastUserMessage(history)).toBe(3);
    expect(afterLastUserMessage([])).toBe(0);
  });
});

it('words a function name for a chip', () => {
  expect(functionLabel('get_key_levels')).toBe('Get key levels');
});

describe('retry after a failed turn', () => {
  const asked = startTurn('  key levels for SPX ');
  it('answers the kept question again', () => {
    expect(retryAfterFailure([message('u1', 'user', 'key levels for SPX')], asked)).toBe('regenerate');
    expect(retryAfterFailure(undefined, startTurn('', { regenerate: true, sessionId: 's1' }))).toBe('regenerate');
  });
  it('sends again when the server kept nothing (no session, or the question is not its last message)', () => {
    expect(retryAfterFailure(undefined, asked)).toBe('send');
    expect(retryAfterFailure([message('u0', 'user', 'key levels for SPX'), message('a0', 'assistant', 'earlier answer')], asked)).toBe('send');
  });
});
