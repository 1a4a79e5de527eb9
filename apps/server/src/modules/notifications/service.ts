import type { ServiceDeps } from '../registry';

/** Placeholder until this domain is built; the registry already wires it. */
export function createNotificationsService(_deps: ServiceDeps) {
  return {};
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;
