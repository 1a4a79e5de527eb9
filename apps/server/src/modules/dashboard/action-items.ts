import type { ActionItem } from '@flow/contracts';
import { actionItemsFor } from '../../ai/insights';
import type { ActionItemRow } from '../../db/schema';
import { newId } from '../../platform/ids';
import type { Scope } from '../../platform/scope';
import type { ServiceDeps } from '../registry';
import * as items from './action-items-repository';
import { toActionItem } from './mapper';
import * as repo from './repository';

const DAY_MS = 86_400_000;
/** API.md §6: an open deal with no activity for 14 days is at risk. */
const QUIET_DAYS = 14;
/** Meetings starting within this many hours ask for preparation. */
const PREP_HOURS = 24;
/** Candidates read per cause, and items shown: the dashboard lists the most pressing. */
const PER_CAUSE = 50;
const SHOWN = 50;

/**
 * The caller's action items, generated from what they can see and stored, so a dismissal
 * sticks: the engine names each item by its cause and anchor date (`dedupe_key`), and a stored
 * key — dismissed or not — is never inserted again. Idempotent: a GET with nothing new writes
 * nothing. Items whose cause is gone are removed unless dismissed.
 *
 * "Meetings needing prep": the data model records no "preparation viewed", so every scheduled
 * or confirmed meeting, call, demo or follow-up starting within 24 h asks for it; dismissing the
 * item is how the user says it is done (a rescheduled meeting asks again: new anchor).
 */
export async function actionItemsOf(
  { db, mutate, clock }: Pick<ServiceDeps, 'db' | 'mutate' | 'clock'>,
  scope: Scope,
): Promise<ActionItem[]> {
  const now = clock();
  const t = now.getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  const [quiet, closing, risky, overdue, events] = await Promise.all([
    repo.quietDeals(db, scope, iso(t - QUIET_DAYS * DAY_MS), PER_CAUSE),
    repo.closingDeals(db, scope, iso(t - DAY_MS), iso(t + 14 * DAY_MS), PER_CAUSE),
    repo.riskyContacts(db, scope, PER_CAUSE),
    repo.overdueFollowUps(db, scope, iso(t), PER_CAUSE),
    repo.upcomingEvents(db, scope, iso(t), iso(t + PREP_HOURS * 3_600_000), PER_CAUSE),
  ]);
  const deals = new Map([...quiet, ...closing].map((d) => [d.id, d]));
  const contacts = new Map([...risky, ...overdue].map((c) => [c.id, c]));
  const generated = actionItemsFor({
    deals: [...deals.values()].map((d) => ({
      id: d.id,
      title: d.title,
      stage: d.stage,
      probability: d.probability,
      lastActivity: d.last_activity ?? d.created_at,
      ...(d.expected_close_date ? { expectedCloseDate: d.expected_close_date } : {}),
    })),
    contacts: [...contacts.values()].map((c) => ({
      id: c.id,
      name: c.name,
      ...(c.company ? { company: c.company } : {}),
      churnRisk: c.churn_risk,
      lastContact: c.last_contact,
      ...(c.next_follow_up ? { nextFollowUp: c.next_follow_up } : {}),
    })),
    events: events.map((e) => ({
      id: e.id,
      title: e.title,
      type: e.type,
      startTime: e.start_time,
      status: e.status,
    })),
    now,
    quietDays: QUIET_DAYS,
    prepHours: PREP_HOURS,
    limit: SHOWN,
  });

  const keys = generated.map((g) => g.id);
  let stored = await items.itemsOfUser(db, scope, keys);
  const plan = planChanges(scope, generated, stored, now.toISOString());
  if (plan.insert.length + plan.refresh.length + plan.stale.length > 0) {
    stored = await mutate(async (tx) => {
      await items.insertItems(tx, plan.insert);
      for (const r of plan.refresh) await items.refreshItem(tx, r.id, r.changes);
      await items.deleteItems(tx, plan.stale);
      return items.itemsOfUser(tx, scope, keys);
    });
  }
  const byKey = new Map(stored.map((r) => [r.dedupe_key, r]));
  // The engine's order (warnings first, then newest), over the stored, undismissed rows.
  return generated.flatMap((g) => {
    const row = byKey.get(g.id);
    return row && row.dismissed_at === null ? [toActionItem(row)] : [];
  });
}

function planChanges(
  scope: Scope,
  generated: readonly ActionItem[],
  stored: readonly ActionItemRow[],
  now: string,
) {
  const byKey = new Map(stored.map((r) => [r.dedupe_key, r]));
  const live = new Set(generated.map((g) => g.id));
  const insert = generated
    .filter((g) => !byKey.has(g.id))
    .map((g) => ({
      id: newId(),
      organization_id: scope.organizationId,
      user_id: scope.userId,
      icon: g.icon,
      title: g.title,
      type: g.type,
      timestamp: g.timestamp,
      actions: JSON.stringify(g.actions),
      link: g.link ?? null,
      dedupe_key: g.id,
      created_at: now,
      dismissed_at: null,
    }));
  // Wording moves with time ("quiet for 15 days"); rewrite only when it changed, so a GET that
  // finds nothing new stays a read.
  const refresh = generated.flatMap((g) => {
    const row = byKey.get(g.id);
    if (!row || row.dismissed_at !== null || row.title === g.title) return [];
    const changes = {
      title: g.title,
      timestamp: g.timestamp,
      actions: JSON.stringify(g.actions),
      link: g.link ?? null,
    };
    return [{ id: row.id, changes }];
  });
  const stale = stored
    .filter((r) => r.dismissed_at === null && (r.dedupe_key === null || !live.has(r.dedupe_key)))
    .map((r) => r.id);
  return { insert, refresh, stale };
}
