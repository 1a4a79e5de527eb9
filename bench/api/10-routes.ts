import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { buildApp } from '../../apps/server/src/app';
import { loadConfig } from '../../apps/server/src/config';
import { openDatabase } from '../../apps/server/src/db/connection';
import { migrateToLatest } from '../../apps/server/src/db/migrate';
import { seedLarge } from '../../apps/server/src/db/seed/large';
import { markdownTable, type BenchSection } from '../lib/measure';

/**
 * API budgets of the domain issue: the large dataset on SQLite, the manager's view (the whole
 * organization), autocannon at 32 connections against the server in this process.
 * BENCH_SCALE shrinks the dataset for a quick run (default 1 = 100,000 contacts).
 */
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const TARGET_P975_MS = 25;

const routes: [string, string][] = [
  ['contacts, first page', '/api/contacts'],
  ['contacts, page 2000', '/api/contacts?page=2000'],
  ['contacts, text search', '/api/contacts?search=smith'],
  ['contacts, at-risk filter', '/api/contacts?filter=at-risk'],
  ['contacts, high-value filter', '/api/contacts?filter=high-value&sort=-totalValue'],
  ['contacts stats', '/api/contacts/stats'],
  ['deals, first page', '/api/deals'],
  ['deals, page 1000', '/api/deals?page=1000'],
  ['deals, hot filter', '/api/deals?filter=hot'],
  ['deals, text search', '/api/deals?search=platform'],
  ['deals forecast', '/api/deals/forecast'],
  ['deals stage stats', '/api/deals/stage-stats'],
  ['conversations, first page', '/api/conversations'],
  ['conversations, unread', '/api/conversations?filter=unread'],
  ['messages stats', '/api/messages/stats'],
  ['calendar events this month', '/api/calendar/events'],
  ['global search', '/api/search?q=smith'],
  ['dashboard forecast', '/api/dashboard/forecast'],
];

export async function run(): Promise<BenchSection> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flow-bench-'));
  const url = `sqlite:${path.join(dir, 'bench.db')}`;
  const database = openDatabase(url);
  await migrateToLatest(database.db);
  const seeded = await seedLarge(database.db, { scale: SCALE });
  const config = loadConfig({
    NODE_ENV: 'production',
    JWT_SECRET: 'bench-secret-long-enough-for-hs256-signing-0123456789',
    DATABASE_URL: url,
    FLOW_DEMO: '0',
    RATE_LIMIT_API_PER_MIN: '100000000',
    RATE_LIMIT_AUTH_PER_MIN: '1000',
    LOG_LEVEL: 'silent',
  });
  const app = await buildApp({
    config: { ...config, webDistDir: '/nonexistent' },
    database,
    logger: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'manager@bench.flowcrm.dev', password: 'demo-password' }),
  });
  const { token } = (await login.json()) as { token: string };

  const rows: (string | number)[][] = [];
  try {
    for (const [name, route] of routes) {
      const probe = await fetch(base + route, { headers: { authorization: `Bearer ${token}` } });
      if (!probe.ok) throw new Error(`${route} answered ${probe.status}: ${await probe.text()}`);
      const result = await autocannon({
        url: base + route,
        connections: 32,
        duration: SECONDS,
        headers: { authorization: `Bearer ${token}` },
        timeout: 60,
      });
      // Requests still queued when the run ends would slow the next route: wait for them.
      await fetch(base + route, { headers: { authorization: `Bearer ${token}` } });
      // A route so slow that no request finished within the run has no latency samples at all.
      const finished = result.latency.max > 0;
      const p975 = finished ? result.latency.p97_5 : Number.POSITIVE_INFINITY;
      const slower = `> ${SECONDS * 1000}`;
      rows.push([
        name,
        `\`${route}\``,
        finished ? result.latency.p50 : slower,
        finished ? p975 : slower,
        Math.round(result.requests.average),
        result.non2xx,
        p975 <= TARGET_P975_MS ? 'yes' : '**no**',
      ]);
      console.log(
        `  ${name}: p50 ${result.latency.p50} ms, p97.5 ${p975} ms, ${Math.round(result.requests.average)} req/s`,
      );
    }
  } finally {
    await app.close();
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const counts = Object.entries(seeded.counts)
    .map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`)
    .join(', ');
  return {
    title: 'API routes on the large dataset (SQLite)',
    markdown: [
      `Dataset: ${counts} (seeded in ${(seeded.ms / 1000).toFixed(1)} s, scale ${SCALE}). ` +
        `The manager of the bench organization (sees everything), autocannon, 32 connections, ${SECONDS} s per route, ` +
        `server in the same process as the load generator on this ${os.cpus().length}-core machine. Target: p97.5 ≤ ${TARGET_P975_MS} ms.`,
      '',
      markdownTable(
        ['route', 'request', 'p50 ms', 'p97.5 ms', 'req/s', 'non-2xx', 'within target'],
        rows,
      ),
    ].join('\n'),
  };
}
