import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { dialectOf, openDatabase, sqlitePath } from '../connection';
import { migrateToLatest } from '../migrate';
import { seedDemo } from './demo';
import { seedLarge } from './large';

// npm run seed [-w @flow/server] -- [--size demo|large] [--scale N]
// DATABASE_URL defaults to sqlite:data/flow.db; relative SQLite paths are taken from the repo
// root (npm runs workspace scripts inside apps/server, the server resolves them the same way).

const USAGE = 'Usage: npm run seed -- [--size demo|large] [--scale N]';

class UsageError extends Error {}

function parse(argv: string[]): { size: 'demo' | 'large'; scale: number } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        size: { type: 'string', default: 'demo' },
        scale: { type: 'string', default: '1' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const size = values.size;
  if (size !== 'demo' && size !== 'large')
    throw new UsageError(`--size must be demo or large (got "${size}")`);
  const scale = Number(values.scale);
  if (!Number.isFinite(scale) || scale <= 0)
    throw new UsageError(`--scale must be a positive number (got "${values.scale}")`);
  if (size === 'demo' && values.scale !== '1')
    throw new UsageError('--scale applies to --size large only');
  return { size, scale };
}

/** The folder whose package.json declares the npm workspaces. */
function repoRoot(from = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (
      fs.existsSync(manifest) &&
      'workspaces' in (JSON.parse(fs.readFileSync(manifest, 'utf8')) as object)
    )
      return dir;
    if (path.dirname(dir) === dir)
      throw new Error('No package.json with "workspaces" above ' + from);
  }
}

/** `sqlite:data/flow.db` → `sqlite:<repo root>/data/flow.db`; other URLs unchanged. */
function resolveDatabaseUrl(url: string, root: string): string {
  if (dialectOf(url) !== 'sqlite') return url;
  const file = sqlitePath(url);
  return file === ':memory:' || path.isAbsolute(file) ? url : `sqlite:${path.join(root, file)}`;
}

async function main(): Promise<void> {
  const { size, scale } = parse(process.argv.slice(2));
  const url = resolveDatabaseUrl(process.env.DATABASE_URL ?? 'sqlite:data/flow.db', repoRoot());
  const database = openDatabase(url);
  const log = (line: string) => console.log(line);
  try {
    await migrateToLatest(database.db);
    if (size === 'large') {
      await seedLarge(database.db, { scale, log });
    } else {
      const { seeded } = await seedDemo(database.db, { log });
      if (!seeded)
        log('The database already has an organization; the demo seed left it untouched.');
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n${USAGE}`);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
