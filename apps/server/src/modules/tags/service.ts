import type { ServiceDeps } from '../registry';

/** Placeholder until this domain is built; the registry already wires it. */
export function createTagsService(_deps: ServiceDeps) {
  return {};
}
export type TagsService = ReturnType<typeof createTagsService>;
