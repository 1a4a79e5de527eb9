import type { ServiceDeps } from '../registry';

/** Placeholder until this domain is built; the registry already wires it. */
export function createConversationsService(_deps: ServiceDeps) {
  return {};
}
export type ConversationsService = ReturnType<typeof createConversationsService>;
