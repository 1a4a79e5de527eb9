import type { ImportResult, ImportRowError } from '@flow/contracts';
import { isUniqueViolation } from '../../db/errors';
import type { Tx } from '../../db/tx';
import type { Scope } from '../../platform/scope';
import type { Emit, Mutate } from '../../realtime/mutate';
import type { CsvRow } from './csv';
import type { RowOutcome } from './rows';

/** Rows per transaction. */
export const BATCH_SIZE = 500;
/** Errors listed in the answer; `skipped` still counts every row left out. */
const MAX_LISTED_ERRORS = 1_000;

export interface BatchOutcome {
  imported: number;
  errors: ImportRowError[];
  /** Called once the batch has committed (e.g. to remember emails now taken). */
  commit?: () => void;
}

/** Writes one batch's valid rows inside the transaction, checking the rules that need the db. */
export type WriteBatch<C> = (
  tx: Tx,
  emit: Emit,
  candidates: { line: number; value: C }[],
) => Promise<BatchOutcome>;

/**
 * Validates and imports the rows batch by batch, each batch in one transaction with its
 * `import:progress` event (to the importer). A failing batch rolls back whole and the error
 * propagates: earlier batches stay imported, and uploading the same file again imports the rest,
 * because rows already in are refused as duplicates. A batch that lost a uniqueness race with a
 * concurrent write is re-checked once.
 */
export async function importInBatches<C>(
  mutate: Mutate,
  scope: Scope,
  importId: string,
  rows: readonly CsvRow[],
  read: (row: CsvRow) => RowOutcome<C>,
  write: WriteBatch<C>,
): Promise<ImportResult> {
  let imported = 0;
  const errors: ImportRowError[] = [];
  let failedRows = 0;
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    const batch = rows.slice(start, start + BATCH_SIZE);
    const outcomes = batch.map(read);
    const candidates = outcomes.flatMap((o) => (o.ok ? [{ line: o.line, value: o.value }] : []));
    const readErrors = outcomes.flatMap((o) => (o.ok ? [] : o.errors));
    const processed = start + batch.length;
    const run = () =>
      mutate(async (tx, emit) => {
        const outcome = candidates.length
          ? await write(tx, emit, candidates)
          : { imported: 0, errors: [] };
        emit({
          organizationId: scope.organizationId,
          ownerId: scope.userId,
          actorId: scope.userId,
          event: 'import:progress',
          data: { importId, processed, total: rows.length },
        });
        return outcome;
      });
    let outcome: BatchOutcome;
    try {
      outcome = await run();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      outcome = await run();
    }
    outcome.commit?.();
    imported += outcome.imported;
    failedRows += batch.length - outcome.imported;
    for (const e of [...readErrors, ...outcome.errors].sort((a, b) => a.row - b.row)) {
      if (errors.length < MAX_LISTED_ERRORS) errors.push(e);
    }
  }
  return { importId, imported, skipped: failedRows, errors };
}
