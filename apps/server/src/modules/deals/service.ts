import type { ServiceDeps } from '../registry';

/** Placeholder until this domain is built; the registry already wires it. */
export function createDealsService(_deps: ServiceDeps) {
  return {};
}
export type DealsService = ReturnType<typeof createDealsService>;
