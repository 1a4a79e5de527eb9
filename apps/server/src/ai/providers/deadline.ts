import { LlmError } from './types';

/**
 * The abort signal of one provider call. It fires when the caller's signal does, or when the
 * provider stays silent for `ms` while we wait on it, and remembers which of the two happened so
 * the failure can be reported as 'aborted' or 'timeout' rather than as a generic network error.
 */
export class Deadline {
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private readonly ms: number;
  private readonly caller: AbortSignal | undefined;
  private timer: NodeJS.Timeout | undefined;
  private timedOut = false;
  private readonly onCallerAbort = () => this.controller.abort();

  constructor(ms: number, caller?: AbortSignal) {
    this.ms = ms;
    this.caller = caller;
    this.signal = this.controller.signal;
    if (caller?.aborted) this.controller.abort();
    else caller?.addEventListener('abort', this.onCallerAbort, { once: true });
  }

  /** Starts (or restarts) the clock; call it before waiting on the provider. */
  start(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
    }, this.ms);
  }

  /** Stops the clock while we are not waiting on the provider (e.g. a stream consumer is busy). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.stop();
    this.caller?.removeEventListener('abort', this.onCallerAbort);
  }

  /** Maps whatever fetch or the body reader threw to an LlmError. */
  failure(error: unknown): LlmError {
    if (error instanceof LlmError) return error;
    if (this.timedOut) {
      return new LlmError('timeout', `The AI provider did not answer within ${this.ms} ms`);
    }
    if (this.caller?.aborted) return new LlmError('aborted', 'The AI request was cancelled');
    return new LlmError('network', 'Could not reach the AI provider', undefined, { cause: error });
  }
}
