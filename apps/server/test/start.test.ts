import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm start` as a newcomer runs it: the real entry point in a child process, on a fresh SQLite
 * file, with the demo data. A second start on the same file must not duplicate anything.
 */
const serverDir = path.resolve(import.meta.dirname, '..');
const tsx = path.resolve(serverDir, '../../node_modules/.bin/tsx');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flow-start-'));
const children: ChildProcess[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startServer(): Promise<{
  url: string;
  output: () => string;
  stop: () => Promise<number | null>;
}> {
  const port = await freePort();
  const child = spawn(tsx, ['src/main.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${path.join(dataDir, 'flow.db')}`,
      JWT_SECRET: 'start-test-secret-long-enough-for-hs256-signing',
      FLOW_DEMO: '1',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}

async function counts(url: string) {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.flowcrm.dev', password: 'demo-password' }),
  });
  expect(login.status).toBe(200);
  const { token } = (await login.json()) as { token: string };
  const users = await fetch(`${url}/api/users?limit=100`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await users.json()) as { meta: { total: number } }).meta.total;
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('starts with demo data, prints how to log in, shuts down cleanly, and a second start adds nothing', async () => {
    const first = await startServer();
    expect(first.output()).toContain('demo-password');
    expect(await counts(first.url)).toBe(4);
    for (const email of ['sales', 'sales2', 'manager']) {
      const res = await fetch(`${first.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `${email}@demo.flowcrm.dev`, password: 'demo-password' }),
      });
      expect(res.status, email).toBe(200);
    }
    expect(await first.stop()).toBe(0);

    const second = await startServer();
    expect(await counts(second.url)).toBe(4);
    expect(await second.stop()).toBe(0);
  });
});
