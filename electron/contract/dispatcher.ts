import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { calls, isCallName, type CallName, type CallOutput, type CallParams } from '../../shared/contract';
import { CoachError, describeIssues, toIssues, type ApiErrorBody, type CallResult } from '../../shared/errors';
import type { Logger } from '../observability/logger';

export interface CallContext {
  requestId: string;
  log: Logger;
  /** Which transport the call came through, for logs. */
  transport: 'ipc' | 'http' | 'internal';
}

export type Handler<K extends CallName> = (input: CallParams<K>, ctx: CallContext) => CallOutput<K> | Promise<CallOutput<K>>;
export type Handlers = { [K in CallName]: Handler<K> };
export type HandlerMap = Partial<Handlers>;

/** Merges each domain's handler map into one (after Actual Budget); a name handled twice throws. */
export function mergeHandlers(...maps: HandlerMap[]): Handlers {
  return mergeByName(calls, maps, 'call') as Handlers;
}

/** One handler per name of a contract table (calls or streams): none twice, none missing, none unknown. */
export function mergeByName(table: object, maps: object[], kind: 'call' | 'stream'): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [name, handler] of Object.entries(map)) {
      if (name in merged) throw new Error(`Contract ${kind} ${name} has two handlers`);
      merged[name] = handler;
    }
  }
  const names = Object.keys(table);
  const missing = names.filter((name) => !(name in merged));
  if (missing.length) throw new Error(`Contract ${kind}s without a handler: ${missing.join(', ')}`);
  const unknown = Object.keys(merged).filter((name) => !names.includes(name));
  if (unknown.length) throw new Error(`Handlers for ${kind}s that are not in the contract: ${unknown.join(', ')}`);
  return merged;
}

export interface DispatcherOptions {
  logger: Logger;
  /** Check outputs against the contract (development and tests). */
  validateOutput: boolean;
  /** Told of every crash (an error that is not a CoachError): error monitoring reports it. */
  onCrash?: (error: unknown, ctx: CallContext & { call: string }) => void;
}

/** Validates, calls the handler, and turns every outcome into a `CallResult`; never throws. */
export type Dispatch = (name: string, rawInput: unknown, ctx?: Partial<CallContext>) => Promise<CallResult<unknown>>;

export function createDispatcher(handlers: Handlers, options: DispatcherOptions): Dispatch {
  return async (name, rawInput, partialCtx = {}) => {
    const requestId = partialCtx.requestId ?? randomUUID();
    const log = (partialCtx.log ?? options.logger).child({ requestId, call: name });
    const ctx: CallContext = { requestId, log, transport: partialCtx.transport ?? 'internal' };
    if (!isCallName(name)) return { ok: false, error: { code: 'not_found', message: `Unknown call: ${name}`, requestId } };
    const handler = handlers[name] as Handler<typeof name>;
    return settle({ kind: 'call', name, entry: calls[name], rawInput, ctx, options, run: (input) => handler(input as never, ctx) });
  };
}

export interface SettleOptions {
  kind: 'call' | 'stream';
  name: string;
  entry: { input: z.ZodType; output: z.ZodType };
  rawInput: unknown;
  ctx: CallContext;
  options: DispatcherOptions;
  run(input: unknown): unknown;
}

/**
 * What every dispatcher does around its handler: the input checked against the contract, the output
 * too in development, and every outcome (refusal, CoachError, crash) as a `CallResult`.
 */
export async function settle({ kind, name, entry, rawInput, ctx, options, run }: SettleOptions): Promise<CallResult<unknown>> {
  const { log, requestId } = ctx;
  const fail = (error: ApiErrorBody): CallResult<unknown> => ({ ok: false, error: { ...error, requestId } });
  const parsed = entry.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issues = toIssues(parsed.error);
    log.info(`${kind} rejected: invalid input`, { issues: describeIssues(issues) });
    return fail({ code: 'invalid_input', message: `Invalid input for ${name}: ${describeIssues(issues)}`, issues });
  }
  const started = performance.now();
  try {
    const value = await run(parsed.data);
    if (options.validateOutput) {
      const checked = entry.output.safeParse(value);
      if (!checked.success) throw new Error(`Output of ${name} breaks the contract: ${describeIssues(toIssues(checked.error))}`);
    }
    log.debug(`${kind} ok`, { ms: Math.round(performance.now() - started) });
    return { ok: true, value };
  } catch (error) {
    if (error instanceof CoachError) {
      log.info(`${kind} failed`, { code: error.code, message: error.message });
      return fail({ code: error.code, message: error.message, issues: error.issues });
    }
    log.error(`${kind} crashed`, { error });
    options.onCrash?.(error, { ...ctx, call: name });
    return fail({ code: 'internal', message: 'Internal error; see the log for this request id.' });
  }
}
