/**
 * The streams in flight, by the stream id their caller chose, so that a separate call
 * (`chat:cancel {streamId}`) can stop one (after Chatbox's Map<requestId, AbortController>).
 */
export class StreamRegistry {
  private readonly running = new Map<string, AbortController>();
  /** One promise per open stream, settled when its handler closes it (cancelled or not). */
  private readonly unclosed = new Set<Promise<void>>();

  /** Registers a stream; an id already running is refused (ids are random UUIDs: a clash is a bug). */
  open(streamId: string): { signal: AbortSignal; close(): void } {
    if (this.running.has(streamId)) throw new Error(`Stream ${streamId} is already running`);
    const controller = new AbortController();
    this.running.set(streamId, controller);
    let closed!: () => void;
    const closing = new Promise<void>((resolve) => (closed = resolve));
    this.unclosed.add(closing);
    return {
      signal: controller.signal,
      close: () => {
        if (this.running.get(streamId) === controller) this.running.delete(streamId);
        this.unclosed.delete(closing);
        closed();
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

  /**
   * Stops every stream and resolves once each handler has closed its stream, i.e. stored what it
   * keeps of a stopped answer: the host calls this on quit, before it closes the database.
   */
  async stopAll(): Promise<void> {
    for (const streamId of [...this.running.keys()]) this.cancel(streamId);
    await Promise.all([...this.unclosed]);
  }

  get size(): number {
    return this.running.size;
  }
}
