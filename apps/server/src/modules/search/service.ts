import type { ServiceDeps } from '../registry';

/** Placeholder until this domain is built; the registry already wires it. */
export function createSearchService(_deps: ServiceDeps) {
  return {};
}
export type SearchService = ReturnType<typeof createSearchService>;
