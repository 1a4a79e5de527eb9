import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { AppError, validationError } from '../../platform/errors';

// Reading an uploaded CSV: records with the line they start on, and header → field mapping.

export interface CsvRow {
  /** 1-based line in the file where the record starts (the header is line 1). */
  line: number;
  cells: string[];
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const CHUNK = 64 * 1024;

function* chunks(buffer: Buffer): Generator<Buffer> {
  for (let i = 0; i < buffer.length; i += CHUNK) yield buffer.subarray(i, i + CHUNK);
}

/**
 * Parses the file into a header and data rows (blank rows dropped). Fed in chunks so a 20 MB
 * upload does not hold the event loop; more than `maxRows` data rows is refused before anything
 * is imported. Malformed CSV (an unclosed quote…) refuses the whole file with its line.
 */
export async function readCsv(
  input: Buffer,
  maxRows: number,
): Promise<{ header: string[]; rows: CsvRow[] }> {
  // The BOM is stripped here rather than by the parser so byte offsets match the buffer.
  const buffer = input.subarray(0, 3).equals(BOM) ? input.subarray(3) : input;
  const parser = parse({ info: true, relax_column_count: true, skip_empty_lines: true });
  const records: CsvRow[] = [];
  // Line numbers: count line feeds up to where each record starts (after blank lines).
  let offset = 0;
  let line = 1;
  const advanceTo = (end: number) => {
    for (; offset < end; offset++) if (buffer[offset] === 0x0a) line++;
  };
  const skipBlankLines = () => {
    while (offset < buffer.length && (buffer[offset] === 0x0a || buffer[offset] === 0x0d)) {
      if (buffer[offset] === 0x0a) line++;
      offset++;
    }
  };
  try {
    for await (const item of Readable.from(chunks(buffer)).pipe(parser)) {
      const { record, info } = item as { record: string[]; info: { bytes: number } };
      skipBlankLines();
      const start = line;
      advanceTo(info.bytes);
      const cells = record.map((c) => c.trim());
      if (cells.every((c) => c === '')) continue;
      records.push({ line: start, cells });
      // The header plus maxRows data rows; one more proves the file too long.
      if (records.length > maxRows + 1) {
        parser.destroy();
        throw tooManyRows(maxRows);
      }
    }
  } catch (error) {
    if (error instanceof CsvError) {
      throw validationError(
        { file: [error.message] },
        `The CSV could not be read: ${error.message}`,
      );
    }
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) throw validationError({ file: ['The file is empty'] }, 'The file is empty');
  return { header: header.cells, rows };
}

const tooManyRows = (max: number) =>
  new AppError(
    'PAYLOAD_TOO_LARGE',
    `The file has more than ${max.toLocaleString('en-US')} rows; split it into smaller files`,
    { maxRows: max },
  );

/** "E-mail", "e_mail " and "Email" are the same header. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Which column feeds which field: the first column whose header is one of the field's names.
 * Returns the column index and the header as written (errors name the CSV column).
 */
export function mapHeader<F extends string>(
  header: readonly string[],
  synonyms: Readonly<Record<F, readonly string[]>>,
): Map<F, { index: number; label: string }> {
  const keys = header.map(headerKey);
  const mapping = new Map<F, { index: number; label: string }>();
  const taken = new Set<number>();
  for (const [field, names] of Object.entries(synonyms) as [F, readonly string[]][]) {
    for (const name of names) {
      const index = keys.findIndex((k, i) => k === name && !taken.has(i));
      if (index >= 0) {
        mapping.set(field, { index, label: header[index] || name });
        taken.add(index);
        break;
      }
    }
  }
  return mapping;
}

// ─── cell readers: an empty cell is "not given"; anything unreadable goes to the schema as typed,
// so its message is the contract's ───────────────────────────────────────────────────────────

export const cellOf = (cells: readonly string[], index: number | undefined): string | undefined =>
  index === undefined ? undefined : cells[index] || undefined;

/** "$12,500.00", "12 500", "50k" → a number; anything else stays text for the schema to refuse. */
export function moneyCell(text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  const cleaned = text.replace(/[\s,$€£¥]|usd|eur|gbp/gi, '');
  const m = /^(-?\d+(?:\.\d+)?)([km])?$/i.exec(cleaned);
  if (!m) return text;
  const scale = m[2]?.toLowerCase() === 'k' ? 1_000 : m[2]?.toLowerCase() === 'm' ? 1_000_000 : 1;
  return Number(m[1]) * scale;
}

/** A calendar day becomes its UTC midnight (the contract wants a timestamp); others as typed. */
export function dateTimeCell(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00.000Z` : text;
}

/** "VIP; Enterprise", "VIP, Enterprise" or "VIP|Enterprise". */
export function listCell(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const items = text
    .split(/[;,|]/)
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}
