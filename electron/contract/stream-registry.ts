/**
 * The streams in flight, by the stream id their caller chose, so that a separate call
 * (`chat:cancel {streamId}`) can stop one (after Chatbox's Map<requestId, AbortController>).
 */
export class StreamRegistry {
  private readonly running = new Map<string, AbortController>();

  /** Registers a stream; an id already running is refused (ids are random UUIDs: a clash is a bug). */
  open(streamId: string): { signal: AbortSignal; close(): void } {
    if (this.running.has(streamId)) throw new Error(`Stream ${streamId} is already running`);
    const controller = new AbortController();
    this.running.set(streamId, controller);
    return {
      signal: controller.signal,
      close: () => {
        if (this.running.get(streamId) === controller) this.running.delete(streamId);
      },
    };
  }

  /** Aborts a running stream; false when none runs under that id (already finished, or unknown). */
  cancel(streamId: string): boolean {
    const controller = this.running.get(streamId);
    if (!controller) return false;
    this.running.delete(streamId);
    controller.abort();
    return true;
  }

  /** Aborts every running stream (the host quitting). */
  cancelAll(): void {
    for (const streamId of [...this.running.keys()]) this.cancel(streamId);
  }

  get size(): number {
    return this.running.size;
  }
}
