import type { ServiceDeps } from '../registry';

/** Placeholder until this domain is built; the registry already wires it. */
export function createDashboardService(_deps: ServiceDeps) {
  return {};
}
export type DashboardService = ReturnType<typeof createDashboardService>;
