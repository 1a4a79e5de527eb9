import { createTeam } from './factories';
import type { TestApp } from './test-app';
import type { TeamTokens } from './visibility';

/** Two organizations with signed-in users of every role: the cast of most domain tests. */
export async function signedInTeams(t: TestApp) {
  const acme = await createTeam(t.db.handle.db, 'Acme');
  const globex = await createTeam(t.db.handle.db, 'Globex');
  const login = async (email: string) => (await t.login(email)).token;
  const tokens = {
    sales: await login(acme.sales.email),
    sales2: await login(acme.sales2.email),
    manager: await login(acme.manager.email),
    admin: await login(acme.admin.email),
    globexAdmin: await login(globex.admin.email),
    globexSales: await login(globex.sales.email),
  };
  const matrix: TeamTokens = {
    owner: tokens.sales,
    otherSales: tokens.sales2,
    manager: tokens.manager,
    admin: tokens.admin,
    otherOrgAdmin: tokens.globexAdmin,
  };
  return { acme, globex, tokens, matrix };
}

/** Events written to the outbox, oldest first, optionally only one kind. */
export async function outboxEvents(t: TestApp, event?: string) {
  let query = t.db.handle.db.selectFrom('events_outbox').selectAll().orderBy('id');
  if (event) query = query.where('event', '=', event);
  return (await query.execute()).map((r) => ({
    ...r,
    data: JSON.parse(r.data) as Record<string, unknown>,
  }));
}
