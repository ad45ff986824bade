import { describe, expect, it } from 'vitest';
import type { FunctionCallRecord } from '../../../../shared/schemas/chat';
import type { UserProfile } from '../../../../shared/schemas/profile';
import { silentLogger } from '../../../observability/logger';
import { buildSystemPrompt } from '../../system-prompt';
import { ChatProviderError, type ModelMessage, type ProviderTurn } from '../../types';
import { OfflineCoach, wordChunks } from './coach';
import { composeCall, composeNext } from './compose';
import { CHAIN, GREEKS, LEVELS, TODAY, errorRecord, okRecord } from './compose/testing';

/** Wednesday 2025-12-17, 10:00 in New York. */
const NOW = Date.parse('2025-12-17T15:00:00Z');
const ALL_TOOLS = ['get_key_levels', 'get_market_status', 'get_current_price', 'get_option_greeks', 'get_options_chain', 'analyze_position', 'analyze_portfolio', 'set_alert'];

const PROFILE: UserProfile = {
  userId: '00000000-0000-4000-8000-000000000000',
  displayName: 'Sam',
  experienceLevel: 'intermediate',
  preferredSymbols: ['SPY'],
  defaultTimeframe: '5m',
  notificationPrefs: { alertsEnabled: true, emailAlerts: false, browserNotifications: true },
  tradingStyle: 'day',
  queriesUsedThisMonth: 0,
  createdAt: '2025-12-01T00:00:00.000Z',
  updatedAt: '2025-12-01T00:00:00.000Z',
};

type Script = (name: string, args: Record<string, unknown>) => FunctionCallRecord;

interface Run {
  /** 'token:<text>' and 'call:<name>' in the order they happened. */
  events: string[];
  tokens: string[];
  calls: { name: string; args: Record<string, unknown> }[];
  turn: ProviderTurn;
  abort: AbortController;
}

function fakeTurn(say: string, script: Script, options: { system?: string; history?: ModelMessage[]; experience?: UserProfile['experienceLevel']; tools?: string[]; onToken?: (run: Run) => void } = {}): Run {
  const abort = new AbortController();
  const run = { events: [], tokens: [], calls: [], abort } as unknown as Run;
  run.turn = {
    messages: [{ role: 'system', content: options.system ?? 'You are the TITM coach.' }, ...(options.history ?? []), { role: 'user', content: say }],
    tools: (options.tools ?? ALL_TOOLS).map((name) => ({ name, description: name, parameters: {} })),
    profile: { ...PROFILE, experienceLevel: options.experience ?? 'intermediate' },
    signal: abort.signal,
    log: silentLogger,
    emitToken(text) {
      run.events.push(`token:${text}`);
      run.tokens.push(text);
      options.onToken?.(run);
    },
    async callFunction(name, args) {
      const parsed = typeof args === 'string' ? (JSON.parse(args) as Record<string, unknown>) : args;
      run.events.push(`call:${name}`);
      run.calls.push({ name, args: parsed });
      return script(name, parsed);
    },
  };
  return run;
}

const coach = new OfflineCoach({ now: () => NOW });
const levelsScript: Script = (name, args) => okRecord(name, args, name === 'get_key_levels' ? { ...LEVELS, symbol: args.symbol } : null);

describe('OfflineCoach', () => {
  it('is the offline provider, labelled for the UI, with no model', () => {
    expect([coach.id, coach.label, coach.model]).toEqual(['offline', 'Offline coach', null]);
  });

  it('calls the function with its arguments, then streams word-sized tokens that make up the composed answer', async () => {
    const run = fakeTurn('key levels for SPX', levelsScript);
    await coach.respond(run.turn);
    expect(run.calls).toEqual([{ name: 'get_key_levels', args: { symbol: 'SPX' } }]);
    const call = { name: 'get_key_levels', arguments: { symbol: 'SPX' }, focus: null };
    const record = levelsScript('get_key_levels', { symbol: 'SPX' });
    const answer = `${composeCall(call, record, { experience: 'intermediate', today: TODAY }).text}\n\n${composeNext(call, record, 'intermediate')}`;
    expect(run.tokens.join('')).toBe(answer);
    expect(run.tokens.join('')).toContain('6,012.50');
    expect(run.tokens.length).toBeGreaterThan(20);
    for (const token of run.tokens) expect(token.trim()).not.toMatch(/\s/);
    expect(run.events[0]).toBe('call:get_key_levels');
  });

  it('makes each call before the tokens that report it', async () => {
    const run = fakeTurn('levels for spx and ndx', levelsScript);
    await coach.respond(run.turn);
    const ndxCall = run.events.indexOf('call:get_key_levels', 1);
    const firstNdxToken = run.events.findIndex((e) => e.includes('NDX'));
    expect(run.events.filter((e) => e.startsWith('call:'))).toHaveLength(2);
    expect(run.events.findIndex((e) => e.startsWith('token:'))).toBeGreaterThan(run.events.indexOf('call:get_key_levels'));
    expect(firstNdxToken).toBeGreaterThan(ndxCall);
    // The SPX section was streamed before NDX was asked for.
    expect(run.events.slice(0, ndxCall).some((e) => e.includes('SPX'))).toBe(true);
  });

  it('words the same result for the experience level in the profile', async () => {
    const texts: string[] = [];
    for (const experience of ['beginner', 'intermediate', 'advanced'] as const) {
      const run = fakeTurn('key levels for SPX', levelsScript, { experience });
      await coach.respond(run.turn);
      texts.push(run.tokens.join(''));
    }
    expect(new Set(texts).size).toBe(3);
    expect(texts[0]).toContain("previous day's high");
    expect(texts[2]).not.toContain('_Next:_');
  });

  it('is deterministic: the same turn streams the same tokens', async () => {
    const first = fakeTurn('greeks on spx 6000c 0dte', (name, args) => okRecord(name, args, GREEKS));
    const second = fakeTurn('greeks on spx 6000c 0dte', (name, args) => okRecord(name, args, GREEKS));
    await coach.respond(first.turn);
    await coach.respond(second.turn);
    expect(second.tokens).toEqual(first.tokens);
  });

  it('says honestly when the function failed', async () => {
    const run = fakeTurn('greeks on spx 6003c 0dte', (name, args) => errorRecord(name, args, '6003 is not a listed SPX call strike for 2025-12-17; the nearest listed strikes are 6000, 6005'));
    await coach.respond(run.turn);
    expect(run.tokens.join('')).toMatch(/^I couldn't get the greeks of the SPX 6003 call: 6003 is not a listed SPX call strike .* the nearest listed strikes are 6000, 6005\./);
  });

  it('continues the conversation: "and NDX?" after SPX levels', async () => {
    const run = fakeTurn('and NDX?', levelsScript, { history: [{ role: 'user', content: 'key levels for SPX' }, { role: 'assistant', content: 'SPX is at 6,001.25…' }] });
    await coach.respond(run.turn);
    expect(run.calls).toEqual([{ name: 'get_key_levels', args: { symbol: 'NDX' } }]);
  });

  it('falls back on the profile\'s first preferred symbol', async () => {
    const run = fakeTurn('0dte chain', (name, args) => okRecord(name, args, { ...CHAIN, underlying: 'SPY' }));
    await coach.respond(run.turn);
    expect(run.calls).toEqual([{ name: 'get_options_chain', args: { symbol: 'SPY', expiry: '0dte' } }]);
  });

  it('analyses the positions the session context holds (a <context> block of the system prompt)', async () => {
    const context = 'Positions from a broker screenshot:\n```json\n{"positions":[{"symbol":"spy","assetType":"call","strike":600,"expiry":"2025-12-19","quantity":2,"side":"long","avgPrice":3.2},{"symbol":"SPY","assetType":"call","strike":610,"expiry":"2025-12-19","quantity":2,"side":"short","avgPrice":1.1}]}\n```';
    const prompt = buildSystemPrompt({ profile: PROFILE, market: undefined, now: NOW, context: [context] });
    const run = fakeTurn('what is my total delta?', (name, args) => errorRecord(name, args, 'no chain'), { system: prompt });
    await coach.respond(run.turn);
    expect(run.calls).toEqual([
      { name: 'analyze_position', args: { underlying: 'SPY', legs: [{ right: 'call', strike: 600, expiry: '2025-12-19', quantity: 2, price: 3.2 }, { right: 'call', strike: 610, expiry: '2025-12-19', quantity: -2, price: 1.1 }] } },
    ]);
  });

  it('answers help, greetings and refusals without calling anything', async () => {
    for (const say of ['hello', 'help', 'buy 10 spy calls', 'what is gamma?', 'qwerty uiop']) {
      const run = fakeTurn(say, () => {
        throw new Error('no call expected');
      });
      await coach.respond(run.turn);
      expect(run.calls).toEqual([]);
      expect(run.tokens.join('').length).toBeGreaterThan(40);
    }
  });

  it('asks for what is missing instead of guessing', async () => {
    const run = fakeTurn('greeks on spx', () => {
      throw new Error('no call expected');
    });
    await coach.respond(run.turn);
    expect(run.tokens.join('')).toMatch(/^Which contract\?/);
  });

  it('says so when this build lacks the function a request needs', async () => {
    const run = fakeTurn('macro context', () => {
      throw new Error('no call expected');
    });
    await coach.respond(run.turn);
    expect(run.tokens.join('')).toBe("I can't get the macro context here: this version of the app has no `get_macro_context` function.");
  });

  it('stops streaming as soon as the turn is aborted, with an aborted error', async () => {
    const run = fakeTurn('key levels for SPX', levelsScript, { onToken: (r) => r.tokens.length === 5 && r.abort.abort() });
    const stopped = coach.respond(run.turn);
    await expect(stopped).rejects.toBeInstanceOf(ChatProviderError);
    await expect(stopped).rejects.toMatchObject({ code: 'aborted' });
    expect(run.tokens).toHaveLength(5);
  });

  it('streams nothing when aborted while the function runs', async () => {
    const run = fakeTurn('key levels for SPX', (name, args) => {
      run.abort.abort();
      return levelsScript(name, args);
    });
    await expect(coach.respond(run.turn)).rejects.toMatchObject({ code: 'aborted' });
    expect(run.tokens).toEqual([]);
  });
});

describe('wordChunks', () => {
  it('cuts text into words that keep their following spaces, losing nothing', () => {
    const text = 'SPX is at **6,001.25**.\n\n- PDH 6,012.50';
    expect(wordChunks(text)).toEqual(['SPX ', 'is ', 'at ', '**6,001.25**.\n\n', '- ', 'PDH ', '6,012.50']);
    expect(wordChunks(text).join('')).toBe(text);
  });
});
