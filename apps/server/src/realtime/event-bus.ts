import { EventEmitter } from 'node:events';
import type { StoredEvent } from './outbox';

/**
 * The `publish` seam: services hand committed outbox events here; the realtime hub (WebSocket
 * delivery, Redis fan-out) subscribes. In-process by default.
 */
export interface EventBus {
  publish(events: StoredEvent[]): void;
  subscribe(listener: (event: StoredEvent) => void): () => void;
}

export function createInProcessEventBus(): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish(events) {
      for (const event of events) emitter.emit('event', event);
    },
    subscribe(listener) {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
  };
}
