import type { ServiceDeps } from '../registry';

/** Placeholder until this domain is built; the registry already wires it. */
export function createImportsService(_deps: ServiceDeps) {
  return {};
}
export type ImportsService = ReturnType<typeof createImportsService>;
