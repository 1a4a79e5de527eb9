import { expect } from 'vitest';
import type { TestApp, TestResponse } from './test-app';

export interface TeamTokens {
  owner: string;
  otherSales: string;
  manager: string;
  admin: string;
  otherOrgAdmin: string;
}

export interface GuardedRoute {
  method: string;
  path: (id: string) => string;
  body?: unknown;
}

/**
 * The visibility matrix of API.md §2 for one record owned by `owner`: a second sales user and a
 * user of another organization get 404 and change nothing; the manager and admin succeed.
 * `snapshot` reads the record back (as its owner) so "changed nothing" is checked, not assumed.
 */
export async function expectVisibilityMatrix(
  t: TestApp,
  tokens: TeamTokens,
  routes: GuardedRoute[],
  makeRecord: () => Promise<string>,
  snapshot: (id: string) => Promise<unknown>,
): Promise<void> {
  for (const route of routes) {
    const id = await makeRecord();
    const before = await snapshot(id);
    for (const [who, token] of [
      ['another sales user', tokens.otherSales],
      ['another organization', tokens.otherOrgAdmin],
    ] as const) {
      const res = await t.request(route.method, route.path(id), { token, body: route.body });
      expect(res.status, `${route.method} ${route.path(':id')} as ${who}`).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    expect(await snapshot(id), `${route.method} ${route.path(':id')} changed nothing`).toEqual(
      before,
    );
    for (const [who, token] of [
      ['manager', tokens.manager],
      ['admin', tokens.admin],
    ] as const) {
      const target = route.method === 'DELETE' ? await makeRecord() : id;
      const res = await t.request(route.method, route.path(target), { token, body: route.body });
      expect(
        res.status,
        `${route.method} ${route.path(':id')} as ${who}: ${JSON.stringify(res.body)}`,
      ).toBeLessThan(300);
    }
  }
}

export function expectErrorShape(res: TestResponse, context: string): void {
  expect(res.status, `${context}: ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, `${context}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
  expect(typeof res.body?.error?.code, context).toBe('string');
  expect(typeof res.body?.error?.message, context).toBe('string');
}
