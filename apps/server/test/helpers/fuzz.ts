import fc from 'fast-check';
import { expect } from 'vitest';
import type { ZodType } from 'zod';
import type { TestApp } from './test-app';
import { expectErrorShape } from './visibility';

const hostileStrings = [
  "'; DROP TABLE contacts; --",
  '" OR 1=1 --',
  '%_%',
  '\\',
  '<script>alert(1)</script>',
  'x'.repeat(100_000),
  '\u0000',
  '💥'.repeat(500),
];
const hostileValues: unknown[] = [
  null,
  true,
  -1,
  1e308,
  [],
  [null],
  {},
  { $gt: '' },
  ...hostileStrings,
];

/**
 * Malformed versions of a valid body: each field replaced by each hostile value, fields dropped,
 * unknown fields added, and a few wholly wrong bodies. Only those that cannot be valid are kept
 * by the caller's `stillValid` check.
 */
export function malformedBodies(valid: Record<string, unknown>): unknown[] {
  const bodies: unknown[] = [
    null,
    [],
    'text',
    42,
    { ...valid, unknownField: 1 },
    { __proto__: { admin: true }, ...valid, constructor: 'x' },
  ];
  for (const key of Object.keys(valid)) {
    for (const value of hostileValues) bodies.push({ ...valid, [key]: value });
  }
  return bodies;
}

/**
 * Sends malformed bodies and random JSON to a mutating route. A body the route's schema refuses
 * must get a 4xx in the error shape; one it accepts (hostile but valid text, say) may succeed or
 * meet a business rule — but nothing may ever produce a 5xx.
 */
export async function fuzzRoute(
  t: TestApp,
  token: string,
  method: string,
  path: string,
  valid: Record<string, unknown>,
  schema: ZodType,
): Promise<void> {
  const bodies = [
    ...malformedBodies(valid),
    ...fc.sample(fc.jsonValue({ maxDepth: 3 }), { numRuns: 40, seed: 7 }),
  ];
  for (const body of bodies) {
    const res = await t.request(method, path, { token, body });
    const context = `${method} ${path} ${JSON.stringify(body)?.slice(0, 120)}`;
    if (schema.safeParse(body).success) {
      expect(res.status, `${context}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
    } else {
      expectErrorShape(res, context);
    }
  }
}

/** Hostile query strings for a list route: every answer is a 2xx or a 4xx error, never a 5xx. */
export async function fuzzQuery(
  t: TestApp,
  token: string,
  path: string,
  params: string[],
): Promise<void> {
  const values = ['', '-1', '0', '1e9', 'null', '[]', '%', "' OR 1=1 --", 'x'.repeat(5_000), '%00'];
  for (const param of params) {
    for (const value of values) {
      const res = await t.request('GET', `${path}?${param}=${encodeURIComponent(value)}`, {
        token,
      });
      if (res.status >= 300) expectErrorShape(res, `GET ${path}?${param}=${value.slice(0, 20)}`);
    }
  }
}
