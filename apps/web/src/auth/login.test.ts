import { createTeam, startTestApp, TEST_PASSWORD, type TestApp } from '@flow/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from './login';

// Against the real server, started in-process on SQLite.
describe('login against the real server', () => {
  let t: TestApp;
  let email: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    email = (await createTeam(t.db.handle.db)).sales.email;
  });
  afterAll(() => t.close());

  it('returns the session for the right password', async () => {
    const result = await login(email, TEST_PASSWORD, fetch, t.baseUrl);
    expect(result.ok && result.session.user.email).toBe(email);
  });

  it("shows the server's message for a wrong password", async () => {
    const result = await login(email, 'wrong-password', fetch, t.baseUrl);
    expect(result).toEqual({ ok: false, message: 'Invalid email or password', fields: {} });
  });

  it('rejects a malformed email before any request is made', async () => {
    const noNetwork = (() => Promise.reject(new Error('no request expected'))) as typeof fetch;
    const result = await login('not-an-email', 'x', noNetwork, t.baseUrl);
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.fields)).toEqual(['email']);
  });
});
