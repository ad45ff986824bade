import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../shared/schemas/chat';
import type { MarketStatus } from '../../shared/schemas/market';
import { STUB_PROFILE } from '../testing/stub-handlers';
import { HISTORY_MESSAGES, PAST_RESULT_CHARS, toModelMessages } from './history';
import { buildSystemPrompt, newYorkNow } from './system-prompt';

const CLOSED: MarketStatus = {
  status: 'closed',
  reason: 'Holiday: Thanksgiving Day',
  session: null,
  nextOpen: Date.parse('2026-11-27T14:30:00Z'), // Friday 09:30 EST
  nextClose: Date.parse('2026-11-27T18:00:00Z'),
  checkedAt: 0,
};

describe('newYorkNow', () => {
  it.each([
    ['2026-12-01T15:00:00Z', 'Tuesday, December 1, 2026 at 10:00 ET'], // EST, UTC−5
    ['2026-07-01T13:30:00Z', 'Wednesday, July 1, 2026 at 09:30 ET'], // EDT, UTC−4
    ['2027-01-01T03:00:00Z', 'Thursday, December 31, 2026 at 22:00 ET'], // still the old year in New York
  ])('%s is %s', (iso, text) => {
    expect(newYorkNow(Date.parse(iso))).toBe(text);
  });
});

describe('buildSystemPrompt', () => {
  const now = Date.parse('2026-11-26T17:00:00Z');

  it('words the answers for the experience level and names the profile', () => {
    const beginner = buildSystemPrompt({ profile: { ...STUB_PROFILE, preferredSymbols: ['NDX'], tradingStyle: 'leaps' }, market: CLOSED, now, context: [] });
    expect(beginner).toContain('The trader: n, beginner, LEAPS trader (long-dated options); watches NDX; default chart timeframe 5m.');
    expect(beginner).toContain('explain each term the first time');
    const advanced = buildSystemPrompt({ profile: { ...STUB_PROFILE, experienceLevel: 'advanced' }, market: CLOSED, now, context: [] });
    expect(advanced).toContain('be terse and technical');
    expect(advanced).toContain('watches no particular symbols');
  });

  it('says when the market opens next, and admits when the status is unknown', () => {
    expect(buildSystemPrompt({ profile: STUB_PROFILE, market: CLOSED, now, context: [] })).toContain(
      'Market status: closed — Holiday: Thanksgiving Day; next open Fri 09:30 ET.',
    );
    expect(buildSystemPrompt({ profile: STUB_PROFILE, market: undefined, now, context: [] })).toContain('Market status: unavailable right now');
  });

  it('carries the context of the session, most recent last, and none when there is none', () => {
    const prompt = buildSystemPrompt({ profile: STUB_PROFILE, market: CLOSED, now, context: ['Positions: A', '  Positions: B\n'] });
    expect(prompt.endsWith('<context>\nPositions: A\n</context>\n<context>\nPositions: B\n</context>')).toBe(true);
    expect(buildSystemPrompt({ profile: STUB_PROFILE, market: CLOSED, now, context: [] })).not.toContain('<context>');
  });

  it('tells the model to analyse screenshot positions with analyze_position, per underlying', () => {
    const prompt = buildSystemPrompt({ profile: STUB_PROFILE, market: CLOSED, now, context: [] });
    expect(prompt).toMatch(/broker screenshot .* analyze_position, one call per underlying .* a later screenshot's list replaces an earlier one; analyze_portfolio covers the positions stored in the app\. .* show the broker's mark and P&L beside them, and when they differ by more than 5 % say so once/);
  });
});

const message = (role: ChatMessage['role'], content: string, extra: Partial<ChatMessage> = {}): ChatMessage => ({
  id: content,
  sessionId: 's',
  role,
  content,
  functionCalls: [],
  widgets: [],
  status: 'complete',
  provider: role === 'assistant' ? 'openai' : null,
  createdAt: '2026-12-01T15:00:00.000Z',
  ...extra,
});

describe('toModelMessages', () => {
  it('replays failed calls and stopped answers as the model should read them, without system messages', () => {
    const stopped = message('assistant', 'Half', {
      status: 'stopped',
      functionCalls: [{ id: 'c9', name: 'get_option_greeks', arguments: '{bad', status: 'error', result: { error: 'Arguments are not valid JSON' }, error: 'Arguments are not valid JSON', ms: 0 }],
    });
    expect(toModelMessages([message('system', 'Positions'), message('user', 'greeks?'), stopped])).toEqual([
      { role: 'user', content: 'greeks?' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'c9', type: 'function', function: { name: 'get_option_greeks', arguments: '{bad' } }] },
      { role: 'tool', tool_call_id: 'c9', content: '{"error":"Arguments are not valid JSON"}' },
      { role: 'assistant', content: 'Half\n[The trader stopped this answer here.]' },
    ]);
  });

  it('cuts long past results and keeps only the recent messages', () => {
    const big = message('assistant', 'Chain', { functionCalls: [{ id: 'c1', name: 'get_options_chain', arguments: {}, status: 'ok', result: { rows: 'x'.repeat(5000) }, ms: 1 }] });
    const tool = toModelMessages([big])[1] as { content: string };
    expect(tool.content).toHaveLength(PAST_RESULT_CHARS + '…(cut)'.length);
    const many = Array.from({ length: HISTORY_MESSAGES + 10 }, (_, i) => message(i % 2 ? 'assistant' : 'user', `m${i}`));
    const replayed = toModelMessages(many);
    expect(replayed).toHaveLength(HISTORY_MESSAGES);
    expect(replayed[0]).toEqual({ role: 'user', content: 'm10' });
  });
});
