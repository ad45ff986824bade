import { randomUUID } from 'node:crypto';
import { isStreamName, streams, type StreamEvent, type StreamName, type StreamOutput, type StreamParams } from '../../shared/contract';
import { describeIssues, toIssues, type CallResult } from '../../shared/errors';
import { mergeByName, settle, type CallContext, type DispatcherOptions } from './dispatcher';

/** A streaming call's context: the call's, plus where its events go and the signal that stops it. */
export interface StreamContext<K extends StreamName> extends CallContext {
  emit(event: StreamEvent<K>): void;
  /** Aborted when the caller stops the stream (cancel call, closed window, dropped HTTP client). */
  signal: AbortSignal;
}

export type StreamHandler<K extends StreamName> = (input: StreamParams<K>, ctx: StreamContext<K>) => Promise<StreamOutput<K>>;
export type StreamHandlers = { [K in StreamName]: StreamHandler<K> };
export type StreamHandlerMap = Partial<StreamHandlers>;

/** Each domain's stream handlers as one map; a stream handled twice, or by none, throws. */
export function mergeStreamHandlers(...maps: StreamHandlerMap[]): StreamHandlers {
  return mergeByName(streams, maps, 'stream') as StreamHandlers;
}

export interface StreamCallContext {
  requestId?: string;
  log?: CallContext['log'];
  transport: CallContext['transport'];
  signal: AbortSignal;
  /** Receives each event as the handler emits it (before the output). */
  emit(event: unknown): void;
}

/**
 * Validates, runs the stream's handler and turns its outcome into a `CallResult`; never throws.
 * Refused input returns before the handler runs, so no event is emitted (HTTP answers a plain 400).
 */
export type StreamDispatch = (name: string, rawInput: unknown, ctx: StreamCallContext) => Promise<CallResult<unknown>>;

export function createStreamDispatcher(handlers: StreamHandlerMap, options: DispatcherOptions): StreamDispatch {
  return async (name, rawInput, partialCtx) => {
    const requestId = partialCtx.requestId ?? randomUUID();
    const log = (partialCtx.log ?? options.logger).child({ requestId, stream: name });
    const handler = isStreamName(name) ? (handlers[name] as StreamHandler<StreamName> | undefined) : undefined;
    if (!isStreamName(name) || !handler) return { ok: false, error: { code: 'not_found', message: `Unknown stream: ${name}`, requestId } };
    const entry = streams[name];
    const emit = (event: StreamEvent<typeof name>) => {
      if (options.validateOutput) {
        const checked = entry.event.safeParse(event);
        // Thrown where the wrong event is emitted (development and tests only).
        if (!checked.success) throw new Error(`Event of ${name} breaks the contract: ${describeIssues(toIssues(checked.error))}`);
      }
      partialCtx.emit(event);
    };
    const ctx: StreamContext<typeof name> = { requestId, log, transport: partialCtx.transport, signal: partialCtx.signal, emit };
    return settle({ kind: 'stream', name, entry, rawInput, ctx, options, run: (input) => handler(input as StreamParams<typeof name>, ctx) });
  };
}
