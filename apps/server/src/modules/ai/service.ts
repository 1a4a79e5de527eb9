import type { ServiceDeps } from '../registry';

/** Placeholder until this domain is built; the registry already wires it. */
export function createAiService(_deps: ServiceDeps) {
  return {};
}
export type AiService = ReturnType<typeof createAiService>;
