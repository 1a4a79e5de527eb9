import { ErrorBodySchema } from '@flow/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../helpers/databases';
import { createTeam } from '../helpers/factories';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe.each(testDatabaseKinds)('error contract on %s', (kind) => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp(kind, {
      extend: (app) => {
        app.get('/api/__boom', { config: { public: true } }, async () => {
          throw new Error('secret internal detail at /srv/db.ts:42');
        });
      },
    });
    const team = await createTeam(t.db.handle.db);
    token = (await t.login(team.sales.email)).token;
  });
  afterAll(() => t.close());

  function expectError(res: { status: number; body: unknown }, status: number, code: string) {
    expect(res.status).toBe(status);
    const parsed = ErrorBodySchema.parse(res.body);
    expect(parsed.error.code).toBe(code);
    expect(parsed.error.message.length).toBeGreaterThan(0);
    return parsed.error;
  }

  it('an unknown route is 404 NOT_FOUND, with or without a token', async () => {
    expectError(await t.request('GET', '/api/nope'), 404, 'NOT_FOUND');
    expectError(await t.request('DELETE', '/api/nope/1', { token }), 404, 'NOT_FOUND');
    expectError(await t.request('GET', '/nope.txt'), 404, 'NOT_FOUND');
  });

  it('malformed JSON is 400 BAD_REQUEST', async () => {
    const res = await t.request('POST', '/api/auth/login', {
      rawBody: '{"email": "a@b.c",',
      headers: { 'content-type': 'application/json' },
    });
    expectError(res, 400, 'BAD_REQUEST');
  });

  it('a body in an unsupported content type is 400 BAD_REQUEST', async () => {
    const res = await t.request('POST', '/api/auth/login', {
      rawBody: 'email=a@b.c',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectError(res, 400, 'BAD_REQUEST');
  });

  it('a schema failure is 422 VALIDATION_ERROR with details.fields per field', async () => {
    const res = await t.request('POST', '/api/auth/login', {
      body: { email: 'not-an-email', password: '' },
    });
    const error = expectError(res, 422, 'VALIDATION_ERROR');
    expect(error.details?.fields).toMatchObject({
      email: [expect.any(String)],
      password: [expect.any(String)],
    });
  });

  it('unknown fields are rejected with 422 naming the field', async () => {
    const res = await t.request('POST', '/api/auth/login', {
      body: { email: 'a@b.co', password: 'x', admin: true },
    });
    expect(expectError(res, 422, 'VALIDATION_ERROR').details?.fields).toHaveProperty('admin');
  });

  it('a body over 1 MB is 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await t.request('POST', '/api/auth/login', {
      body: { email: 'a@b.co', password: 'x'.repeat(1_100_000) },
    });
    expectError(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('an uncaught error is 500 INTERNAL_ERROR without internals, and echoes the request id', async () => {
    const res = await t.request('GET', '/api/__boom', {
      headers: { 'x-request-id': 'trace-abc-123' },
    });
    expectError(res, 500, 'INTERNAL_ERROR');
    expect(JSON.stringify(res.body)).not.toContain('secret');
    expect(JSON.stringify(res.body)).not.toContain('stack');
    expect(res.headers.get('x-request-id')).toBe('trace-abc-123');
  });

  it('every response carries an X-Request-Id, generated when none is sent', async () => {
    const a = await t.request('GET', '/healthz');
    const b = await t.request('GET', '/api/nope');
    expect(a.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.headers.get('x-request-id')).not.toBe(a.headers.get('x-request-id'));
  });

  it('sets security headers (helmet) on API responses', async () => {
    const res = await t.request('GET', '/healthz');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
