import { ContactSummarySchema, ImportResultSchema } from '@flow/contracts';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import type { TestApp } from '../helpers/test-app';

/** CSV text from rows of cells (quoting what needs it). */
export const csv = (rows: readonly (readonly string[])[]) =>
  rows
    .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
    .join('\n');

/** Uploads CSV text as a raw text/csv body. */
export const upload = (t: TestApp, entity: string, token: string, body: string, query = '') =>
  t.request('POST', `/api/import/${entity}${query}`, {
    token,
    rawBody: body,
    headers: { 'content-type': 'text/csv' },
  });

/** An upload expected to be accepted, its result checked against the contract. */
export async function importCsv(
  t: TestApp,
  entity: string,
  token: string,
  body: string,
  query = '',
) {
  const res = await upload(t, entity, token, body, query);
  expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
  return ImportResultSchema.parse(res.body);
}

export async function contactsNamed(t: TestApp, token: string, search: string) {
  const res = await t.request(
    'GET',
    `/api/contacts?limit=100&search=${encodeURIComponent(search)}`,
    { token },
  );
  return ContactSummarySchema.array().parse(res.body.data);
}

/** Downloads an export as its records (header first). */
export async function exported(t: TestApp, path: string, token: string) {
  const res = await fetch(`${t.baseUrl}/api/export/${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const text = await res.text();
  return { res, text, records: parse(text, { bom: true }) as string[][] };
}
