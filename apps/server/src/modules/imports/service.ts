import type { ImportResult } from '@flow/contracts';
import { Readable, pipeline } from 'node:stream';
import { stringify } from 'csv-stringify';
import { validationError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { Scope } from '../../platform/scope';
import { organizationSettings } from '../organizations/repository';
import type { ServiceDeps } from '../registry';
import { BATCH_SIZE, importInBatches } from './batches';
import { CONTACT_COLUMNS, missingContactColumns, readContactRow } from './contact-rows';
import { writeContacts } from './contacts-import';
import { mapHeader, readCsv } from './csv';
import { DEAL_COLUMNS, missingDealColumns, readDealRow } from './deal-rows';
import { writeDeals } from './deals-import';
import { CONTACT_EXPORT_HEADER, DEAL_EXPORT_HEADER, contactRecords, dealRecords } from './export';
import * as repo from './repository';
import type { OrgMembers } from './rows';

/** Data rows per file: beyond this the upload is refused before anything is imported. */
export const MAX_IMPORT_ROWS = 50_000;
/** Upload size for imports (the JSON limit elsewhere is 1 MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** How the file should name each required column, for the "missing columns" answer. */
const COLUMN_HINTS: Record<string, string> = {
  name: '"Name" (or "First name" and "Last name")',
  email: '"Email"',
  title: '"Title" or "Deal name"',
  contact: '"Contact email" or "Contact name"',
  value: '"Value" or "Amount"',
  expectedCloseDate: '"Expected close date" or "Close date"',
};

function missingColumns(missing: string[], header: string[]) {
  return validationError(
    Object.fromEntries(
      missing.map((f) => [f, [`No column for ${f}: add one named ${COLUMN_HINTS[f]}`]]),
    ),
    `The file has no column for: ${missing.join(', ')} (found: ${header.join(', ') || 'nothing'})`,
  );
}

export function createImportsService({ db, mutate, clock, services }: ServiceDeps) {
  async function membersOf(scope: Scope): Promise<OrgMembers> {
    const rows = await repo.activeMembers(db, scope.organizationId);
    return {
      byKey: new Map(
        rows.flatMap((u) => [[u.email.toLowerCase(), u.id] as const, [u.id, u.id] as const]),
      ),
    };
  }

  return {
    /** API.md §9: validates every row, imports the valid ones in batches, lists the rest. */
    async importContacts(scope: Scope, file: Buffer, importId = newId()): Promise<ImportResult> {
      const { header, rows } = await readCsv(file, MAX_IMPORT_ROWS);
      const columns = mapHeader(header, CONTACT_COLUMNS);
      const missing = missingContactColumns(columns);
      if (missing.length > 0) throw missingColumns(missing, header);
      const members = await membersOf(scope);
      return importInBatches(
        mutate,
        scope,
        importId,
        rows,
        (row) => readContactRow(row, columns, scope, members),
        writeContacts(scope, clock(), rows.length <= BATCH_SIZE),
      );
    },

    async importDeals(scope: Scope, file: Buffer, importId = newId()): Promise<ImportResult> {
      const { header, rows } = await readCsv(file, MAX_IMPORT_ROWS);
      const columns = mapHeader(header, DEAL_COLUMNS);
      const missing = missingDealColumns(columns);
      if (missing.length > 0) throw missingColumns(missing, header);
      const [members, { highValueThreshold }] = await Promise.all([
        membersOf(scope),
        organizationSettings(db, scope.organizationId),
      ]);
      return importInBatches(
        mutate,
        scope,
        importId,
        rows,
        (row) => readDealRow(row, columns, scope, members),
        writeDeals(services, scope, clock(), {
          announce: rows.length <= BATCH_SIZE,
          highValueThreshold,
        }),
      );
    },

    /**
     * The visible, live records as a CSV stream with a header row (and a BOM, so spreadsheet
     * apps read UTF-8), read a page at a time: memory stays flat whatever the table size.
     */
    exportCsv(entity: 'contacts' | 'deals', scope: Scope): { filename: string; stream: Readable } {
      const records = entity === 'contacts' ? contactRecords(db, scope) : dealRecords(db, scope);
      const header = entity === 'contacts' ? CONTACT_EXPORT_HEADER : DEAL_EXPORT_HEADER;
      // A failing page destroys the stream; the client sees a cut-off download, not bad data.
      const stream = pipeline(
        Readable.from(records),
        stringify({ header: true, columns: header, bom: true }),
        () => undefined,
      );
      return { filename: `${entity}-${clock().toISOString().slice(0, 10)}.csv`, stream };
    },
  };
}
export type ImportsService = ReturnType<typeof createImportsService>;
