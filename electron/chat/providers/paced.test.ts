import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FunctionCallRecord } from '../../../shared/schemas/chat';
import { silentLogger } from '../../observability/logger';
import type { ChatProvider, ProviderTurn } from '../types';
import { pacedProvider } from './paced';

const RECORD: FunctionCallRecord = { id: 'c1', name: 'get_key_levels', arguments: {}, status: 'ok', result: {}, ms: 1 };

/** A provider that writes two words, calls a function, and writes one more, all at once. */
const eager: ChatProvider = {
  id: 'offline',
  label: 'Offline coach',
  model: null,
  async respond(turn) {
    turn.emitToken('SPX ');
    turn.emitToken('levels: ');
    await turn.callFunction('get_key_levels', { symbol: 'SPX' });
    turn.emitToken('PDH.');
  },
};

function recordingTurn(signal: AbortSignal) {
  const events: string[] = [];
  const turn = {
    messages: [],
    tools: [],
    profile: {} as ProviderTurn['profile'],
    signal,
    log: silentLogger,
    emitToken: (text: string) => events.push(`token:${text}`),
    callFunction: async (name: string) => {
      events.push(`call:${name}`);
      return RECORD;
    },
  } satisfies ProviderTurn;
  return { turn, events };
}

describe('a paced provider', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('hands on one token per interval, the call after the text before it', async () => {
    const { turn, events } = recordingTurn(new AbortController().signal);
    let finished = false;
    const answer = pacedProvider(eager, 20)
      .respond(turn)
      .then(() => (finished = true));

    await vi.advanceTimersByTimeAsync(19);
    expect(events).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(events).toEqual(['token:SPX ']);
    await vi.advanceTimersByTimeAsync(20);
    // The second word, then the call that waited for it, in the same instant.
    expect(events).toEqual(['token:SPX ', 'token:levels: ', 'call:get_key_levels']);
    expect(finished).toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    expect(events).toEqual(['token:SPX ', 'token:levels: ', 'call:get_key_levels', 'token:PDH.']);
    await answer;
    expect(finished).toBe(true);
  });

  it('stops waiting at once when the turn is stopped', async () => {
    const stop = new AbortController();
    const { turn, events } = recordingTurn(stop.signal);
    const answer = pacedProvider(eager, 1000).respond(turn);
    await vi.advanceTimersByTimeAsync(1000);
    expect(events).toEqual(['token:SPX ']);
    stop.abort();
    // No timer has to run: the queue drains without pausing (the real turn drops what comes after a stop).
    await answer;
    expect(vi.getTimerCount()).toBe(0);
  });

  it('is the provider itself at interval 0', () => {
    expect(pacedProvider(eager, 0)).toBe(eager);
  });
});
