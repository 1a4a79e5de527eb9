import type { Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * A database handle as services pass it around: the root connection, or a transaction. Services
 * treat it as opaque and hand it to repository functions, so one transaction can span modules.
 */
export type Tx = Kysely<Database>;
