import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../../../shared/contract';
import { CoachError } from '../../../../shared/errors';
import { WidgetSchema } from '../../../../shared/schemas/chat-widgets';
import type { Dispatch } from '../../../contract/dispatcher';
import { startTestHost, type TestHost } from '../../../testing/test-host';
import type { ChatFunction, FunctionContext, FunctionOutcome } from '../../types';

/** A contract call through a dispatcher that rejects with the CoachError of a refusal (as the chat's executor does). */
export function callThrough(dispatch: Dispatch, requestId: string) {
  return async <K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> => {
    const answer = await dispatch(name, input, { requestId });
    if (!answer.ok) throw CoachError.fromBody(answer.error);
    return answer.value as CallOutput<K>;
  };
}

export interface FunctionHost {
  t: TestHost;
  ctx: FunctionContext;
  /** A contract call of the test itself (the independent side of a check). */
  call: FunctionContext['call'];
  /**
   * Runs `fn` as the executor would: the model's arguments through its schema, then `run`. The
   * widget must pass WidgetSchema and the result must survive JSON (what the model reads).
   */
  run(fn: ChatFunction, args: Record<string, unknown>): Promise<FunctionOutcome & { result: Record<string, unknown> }>;
}

/** A real host (SQLite in a temp folder, simulated market, wall clock) and a function context on it. */
export async function startFunctionHost(): Promise<FunctionHost> {
  const t = await startTestHost();
  const call = callThrough(t.host.dispatch, 'test');
  const ctx: FunctionContext = {
    call: callThrough(t.host.dispatch, randomUUID()),
    requestId: 'test-request',
    log: t.host.logger,
    signal: new AbortController().signal,
    profile: t.host.profile.get(),
    now: Date.now(),
  };
  return {
    t,
    ctx,
    call,
    async run(fn, args) {
      const parsed = fn.parameters.safeParse(args);
      if (!parsed.success) throw new CoachError('invalid_input', `Bad arguments for ${fn.name}: ${parsed.error.message}`);
      const outcome = await fn.run(parsed.data, { ...ctx, now: Date.now() });
      if (outcome.widget) WidgetSchema.parse(outcome.widget);
      const result = JSON.parse(JSON.stringify(outcome.result)) as Record<string, unknown>;
      expectSameJson(outcome.result, result);
      return { ...outcome, result };
    },
  };
}

/** The result has no values JSON drops or changes (undefined, NaN, Infinity, functions). */
function expectSameJson(original: unknown, roundTripped: unknown): void {
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (typeof a === 'number' && !Number.isFinite(a)) throw new Error(`Result ${path} is ${a}: JSON turns it into null`);
    if (a === undefined) throw new Error(`Result ${path} is undefined: JSON drops it`);
    if (a && typeof a === 'object') for (const [k, v] of Object.entries(a)) walk(v, (b as Record<string, unknown>)[k], `${path}.${k}`);
  };
  walk(original, roundTripped, 'result');
}

/** Equal once rounded to cents (a half cent may round either way in binary floating point). */
export function expectCents(actual: unknown, expected: number): void {
  expect(typeof actual).toBe('number');
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(0.005 + 1e-9);
}
