import type { Logger } from '../observability/logger';

export interface QuitStep {
  name: string;
  run(): Promise<void> | void;
}

export interface QuitSequenceOptions {
  /** Run in order: later steps may depend on earlier ones (save bounds before the database closes). */
  steps: QuitStep[];
  /** `app.exit`: ends the process without emitting 'before-quit' again. */
  exit(code: number): void;
  logger: Logger;
  /** A worker that never drains must not keep the app from quitting. */
  timeoutMs?: number;
}

export interface QuitSequence {
  /** The 'before-quit' listener. */
  onBeforeQuit(event: { preventDefault(): void }): void;
  readonly quitting: boolean;
}

/**
 * Quitting waits for the app to shut down cleanly (after Signal Desktop: jobs in flight drained,
 * SQLite closed), which Electron's synchronous 'before-quit' cannot do by itself: the first quit
 * is held back, the steps run, then the process exits. Quit requests during that time are absorbed.
 * Exits with 1 when a step failed or the whole sequence ran out of time.
 */
export function createQuitSequence(options: QuitSequenceOptions): QuitSequence {
  let quitting = false;

  const run = async (): Promise<number> => {
    let code = 0;
    for (const step of options.steps) {
      try {
        await step.run();
      } catch (error) {
        code = 1;
        options.logger.error('quit step failed', { step: step.name, error });
      }
    }
    return code;
  };

  return {
    get quitting() {
      return quitting;
    },
    onBeforeQuit(event) {
      event.preventDefault();
      if (quitting) return;
      quitting = true;
      options.logger.info('quitting');
      const timeoutMs = options.timeoutMs ?? 10_000;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<number>((resolve) => {
        timer = setTimeout(() => {
          options.logger.error('quit timed out; exiting anyway', { timeoutMs });
          resolve(1);
        }, timeoutMs);
      });
      void Promise.race([run(), timeout]).then((code) => {
        clearTimeout(timer);
        options.exit(code);
      });
    },
  };
}
