import type { ChatProvider, ProviderTurn } from '../types';

/** Resolves after `ms`, or at once when the turn is stopped (a stop never waits for the pace). */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * The provider with its tokens handed on one per `intervalMs`, in order. The offline coach composes
 * a whole answer in a millisecond; paced, it reads as typing and a Stop lands mid-answer. A function
 * call waits for the text before it, so the stream's order is kept; the answer ends when the last
 * token is out. Tokens still queued when the turn is stopped are dropped by the turn, as from any
 * provider after a stop. An interval of 0 returns the provider unchanged.
 */
export function pacedProvider(inner: ChatProvider, intervalMs: number): ChatProvider {
  if (intervalMs <= 0) return inner;
  return {
    id: inner.id,
    label: inner.label,
    model: inner.model,
    async respond(turn: ProviderTurn): Promise<void> {
      let queue = Promise.resolve();
      const paced: ProviderTurn = {
        ...turn,
        emitToken(text) {
          queue = queue.then(() => pause(intervalMs, turn.signal)).then(() => turn.emitToken(text));
        },
        async callFunction(name, args, callId) {
          await queue;
          return turn.callFunction(name, args, callId);
        },
      };
      await inner.respond(paced);
      await queue;
    },
  };
}
