import type { Migration } from 'kysely';
import * as core from './0001_core';
import * as domain from './0002_domain';
import * as dealModels from './0003_deal_models';
import * as liveRowIndexes from './0004_live_row_indexes';

/**
 * Every migration, in order. Listed statically (not read from the folder) so they work the same
 * under tsx, vitest and a bundler. Add new files here with the next number.
 */
export const migrations: Record<string, Migration> = {
  '0001_core': core,
  '0002_domain': domain,
  '0003_deal_models': dealModels,
  '0004_live_row_indexes': liveRowIndexes,
};
