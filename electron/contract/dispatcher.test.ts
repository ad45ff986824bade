import { describe, expect, it } from 'vitest';
import { CoachError } from '../../shared/errors';
import { silentLogger } from '../observability/logger';
import { STUB_APP_INFO, stubHandlers } from '../testing/stub-handlers';
import { createDispatcher, mergeHandlers, type HandlerMap } from './dispatcher';

const info = STUB_APP_INFO;
const base: HandlerMap = stubHandlers();

describe('mergeHandlers', () => {
  it('refuses a call handled twice, a call not handled, and a handler outside the contract', () => {
    expect(() => mergeHandlers(base, { 'app:info': () => info })).toThrow(/app:info has two handlers/);
    const { 'settings:reset': _dropped, ...partial } = base;
    expect(() => mergeHandlers(partial)).toThrow(/without a handler: settings:reset/);
    expect(() => mergeHandlers(base, { 'x:y': () => 1 } as unknown as HandlerMap)).toThrow(/not in the contract: x:y/);
  });
});

describe('createDispatcher', () => {
  const dispatch = (overrides: HandlerMap, validateOutput = true) =>
    createDispatcher(stubHandlers(overrides), { logger: silentLogger, validateOutput });

  it('gives the handler parsed input and returns its output', async () => {
    let seen: unknown;
    const d = dispatch({ 'settings:set': (entry) => ((seen = entry), entry) });
    expect(await d('settings:set', { key: 'ui.activeTab', value: 'chart' })).toEqual({ ok: true, value: { key: 'ui.activeTab', value: 'chart' } });
    expect(seen).toEqual({ key: 'ui.activeTab', value: 'chart' });
  });

  it('refuses input the schema rejects, without calling the handler', async () => {
    let called = false;
    const d = dispatch({ 'settings:reset': () => ((called = true), { removed: true }) });
    const result = await d('settings:reset', { key: 'ui.activeTab', extra: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [expect.objectContaining({ code: 'unrecognized_keys' })] } });
    expect(called).toBe(false);
  });

  it('catches an output that breaks the contract when validating outputs', async () => {
    const d = dispatch({ 'app:info': () => ({ ...info, mode: 'mobile' }) as never });
    expect(await d('app:info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    const lenient = dispatch({ 'app:info': () => ({ ...info, mode: 'mobile' }) as never }, false);
    expect(await lenient('app:info', {})).toMatchObject({ ok: true });
  });

  it('passes a CoachError through with its code and hides any other error', async () => {
    const coach = dispatch({ 'app:info': () => Promise.reject(new CoachError('unavailable', 'market closed')) });
    expect(await coach('app:info', {}, { requestId: 'r1' })).toEqual({ ok: false, error: { code: 'unavailable', message: 'market closed', requestId: 'r1' } });
    const crash = dispatch({ 'app:info': () => { throw new TypeError('x is undefined at /src/secret.ts'); } });
    const result = await crash('app:info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret');
  });

  it('answers not_found for a name outside the contract', async () => {
    expect(await dispatch({})('toString', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
