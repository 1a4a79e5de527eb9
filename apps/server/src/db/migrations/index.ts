import type { Migration } from 'kysely';
import * as core from './0001_core';
import * as domain from './0002_domain';

/**
 * Every migration, in order. Listed statically (not read from the folder) so they work the same
 * under tsx, vitest and a bundler. Add new files here with the next number.
 */
export const migrations: Record<string, Migration> = {
  '0001_core': core,
  '0002_domain': domain,
};
