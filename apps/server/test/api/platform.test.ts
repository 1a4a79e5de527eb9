import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKinds } from '../helpers/databases';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe.each(testDatabaseKinds)('health and OpenAPI on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('/healthz and /readyz answer 200 when the database is up', async () => {
    expect((await t.request('GET', '/healthz')).body).toEqual({ status: 'ok' });
    const ready = await t.request('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { database: 'ok' } });
  });

  it('publishes an OpenAPI 3.1 document generated from the contract schemas', async () => {
    const res = await t.request('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const login = res.body.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual([
      'email',
      'password',
    ]);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/refresh',
        '/api/auth/me',
        '/api/users/',
        '/api/users/{id}',
      ]),
    );
  });

  it('serves interactive docs at /api/docs', async () => {
    const res = await t.request('GET', '/api/docs/');
    expect(res.status).toBe(200);
    expect(String(res.body)).toContain('swagger');
  });
});

describe('readiness when the database is gone', () => {
  it('/readyz answers 503 naming the failing check', async () => {
    const database = await createTestDatabase('sqlite');
    const t = await startTestApp('sqlite', { database });
    await database.handle.close();
    const res = await t.request('GET', '/readyz');
    expect(res.status).toBe(503);
    expect(res.body.status).toBe('unavailable');
    expect(res.body.checks.database).not.toBe('ok');
    await t.app.close();
  });
});
