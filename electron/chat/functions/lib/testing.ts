import { expect } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../../../shared/contract';
import { CoachError, type ApiErrorBody } from '../../../../shared/errors';
import type { Widget } from '../../../../shared/schemas/chat-widgets';
import { startTestHost, type TestHost } from '../../../testing/test-host';
import { FunctionExecutor } from '../../executor';
import type { ChatFunction } from '../../types';
import { CHAT_FUNCTIONS } from '../index';

export interface FunctionHost {
  t: TestHost;
  /** A contract call of the test itself over the HTTP API (the independent side of a check). */
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  /**
   * Runs `fn` as a model's call runs: through the chat's executor (arguments checked by the schema,
   * contract calls on the host's dispatcher). A failed call rejects with the message the model would
   * read; a card dropped for breaking its schema fails the test.
   */
  run(fn: ChatFunction, args: Record<string, unknown>): Promise<{ result: Record<string, unknown>; widget?: Widget }>;
}

/**
 * A real host (SQLite in a temp folder, simulated market) and the registry's executor on it. The
 * market is held at the moment the host starts: during a live session the simulated prices move
 * every second, and a test compares a function's answer with a second read of the same data. The
 * functions' `now` is that moment too.
 */
export async function startFunctionHost(): Promise<FunctionHost> {
  const at = Date.now();
  const t = await startTestHost({ marketClock: () => at });
  const executor = new FunctionExecutor(CHAT_FUNCTIONS);
  let calls = 0;
  return {
    t,
    async call(name, input) {
      const response = await t.rpc(name, input);
      const body = (await response.json()) as unknown;
      if (!response.ok) throw CoachError.fromBody((body as { error: ApiErrorBody }).error);
      return body as CallOutput<typeof name>;
    },
    async run(fn, args) {
      const id = `call-${++calls}`;
      const context = { dispatch: t.host.dispatch, requestId: `test-${id}`, log: t.host.logger, signal: new AbortController().signal, profile: t.host.profile.get(), now: at };
      const record = await executor.execute(fn.name, args, id, context, () => {});
      expect(t.logs.filter((line) => line.callId === id && line.msg === 'widget dropped: it breaks its schema')).toEqual([]);
      if (record.status === 'error') throw new Error(record.error);
      return { result: record.result as Record<string, unknown>, ...(record.widget ? { widget: record.widget } : {}) };
    },
  };
}

/** Equal once rounded to cents (a half cent may round either way in binary floating point). */
export function expectCents(actual: unknown, expected: number): void {
  expect(typeof actual).toBe('number');
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(0.005 + 1e-9);
}
