/**
 * Work that runs after a request's transaction committed (SMTP delivery, an LLM summary): the
 * response does not wait for it, but shutdown does, so nothing is cut off half-written.
 */
export interface Background {
  run(task: () => Promise<void>): void;
  /** Resolves once every task started so far (and any they started) has settled. */
  drain(): Promise<void>;
}

export function createBackground(onError: (error: unknown) => void): Background {
  const pending = new Set<Promise<void>>();
  return {
    run(task) {
      const promise = Promise.resolve()
        .then(task)
        .catch(onError)
        .finally(() => pending.delete(promise));
      pending.add(promise);
    },
    async drain() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
