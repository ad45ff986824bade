import { describe, expect, it } from 'vitest';
import { silentLogger } from '../observability/logger';
import { createStreamDispatcher, type StreamHandlers } from './stream-dispatcher';

const signal = new AbortController().signal;

function dispatcherWith(handler: StreamHandlers['chat:send'], validateOutput = true) {
  const crashes: unknown[] = [];
  const streams = createStreamDispatcher({ 'chat:send': handler }, { logger: silentLogger, validateOutput, onCrash: (error) => crashes.push(error) });
  const events: unknown[] = [];
  const run = (name: string, input: unknown) => streams(name, input, { transport: 'internal', requestId: 'r1', signal, emit: (e) => events.push(e) });
  return { run, events, crashes };
}

describe('createStreamDispatcher', () => {
  it('refuses an unknown stream and bad input without running the handler', async () => {
    let ran = false;
    const { run, events } = dispatcherWith(async () => {
      ran = true;
      throw new Error('not reached');
    });
    expect(await run('chat:nope', {})).toEqual({ ok: false, error: { code: 'not_found', message: 'Unknown stream: chat:nope', requestId: 'r1' } });
    expect(await run('chat:send', { message: 'hi', extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Invalid input for chat:send: Unrecognized key: "extra"' } });
    expect(ran).toBe(false);
    expect(events).toEqual([]);
  });

  it('fails where an event breaks the contract (development), reported as a crash', async () => {
    const { run, events, crashes } = dispatcherWith(async (_input, ctx) => {
      ctx.emit({ type: 'token', content: 42 } as never);
      throw new Error('not reached');
    });
    expect(await run('chat:send', { message: 'hi' })).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(events).toEqual([]);
    expect(String(crashes[0])).toContain('Event of chat:send breaks the contract: content: Invalid input: expected string, received number');
  });

  it('passes events through unchecked in production', async () => {
    const { run, events } = dispatcherWith(async (_input, ctx) => {
      ctx.emit({ type: 'token', content: 42 } as never);
      throw new Error('boom');
    }, false);
    await run('chat:send', { message: 'hi' });
    expect(events).toEqual([{ type: 'token', content: 42 }]);
  });
});
