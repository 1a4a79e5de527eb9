import type { ServiceDeps } from '../registry';

/** Placeholder until this domain is built; the registry already wires it. */
export function createCalendarService(_deps: ServiceDeps) {
  return {};
}
export type CalendarService = ReturnType<typeof createCalendarService>;
