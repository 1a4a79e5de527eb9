import { closedDealStages, dealStages, type DealStage, type DealsQuery } from '@flow/contracts';
import { sql, type ExpressionBuilder, type RawBuilder } from 'kysely';
import { isPostgres } from '../../db/column-types';
import type { Database } from '../../db/schema';
import type { Tx } from '../../db/tx';
import { likePattern, offsetOf, orderOf } from '../../platform/pagination';
import type { Scope } from '../../platform/scope';
import { storedCloseDate } from './mapper';
import { visibleDeals } from './repository';

// Pipeline views over the visible deals: the filtered list, the forecast and the stage stats.
// Aggregates run in SQL so a large pipeline is never loaded row by row.

const DAY_MS = 86_400_000;
/** API.md §6 thresholds. */
export const HOT_PROBABILITY = 70;
export const QUIET_DAYS = 14;
export const CLOSING_SOON_DAYS = 30;

const sortColumns = {
  title: 'title',
  company: 'company',
  value: 'value',
  probability: 'probability',
  expectedCloseDate: 'expected_close_date',
  createdDate: 'created_at',
  lastActivity: 'last_activity',
} as const;

const CLOSED: DealStage[] = [...closedDealStages];

type DealsEb = ExpressionBuilder<Database, 'deals'>;

const isOpen = (eb: DealsEb) => eb('deals.stage', 'not in', CLOSED);

/** Start of the UTC day of `now`: a deal due today is still "closing soon", not overdue. */
const startOfDay = (now: Date) => `${now.toISOString().slice(0, 10)}T00:00:00.000Z`;

/** LIKE with the user's % and _ taken literally on both databases (SQLite has no default escape). */
const matches = (column: string, term: string) =>
  sql<boolean>`lower(${sql.ref(column)}) like ${term} escape '\\'`;

export async function listDeals(db: Tx, scope: Scope, query: DealsQuery, now: Date) {
  let base = visibleDeals(db, scope);
  if (query.search) {
    const term = likePattern(query.search);
    base = base.where((eb) =>
      eb.or([
        matches('deals.title', term),
        matches('deals.company', term),
        matches('deals.contact_name', term),
      ]),
    );
  }
  if (query.stage) base = base.where('deals.stage', '=', query.stage);
  if (query.minValue !== undefined) base = base.where('deals.value', '>=', query.minValue);
  if (query.maxValue !== undefined) base = base.where('deals.value', '<=', query.maxValue);
  if (query.closeFrom)
    base = base.where('deals.expected_close_date', '>=', storedCloseDate(query.closeFrom));
  if (query.closeTo)
    base = base.where('deals.expected_close_date', '<=', storedCloseDate(query.closeTo));

  if (query.filter === 'hot') {
    base = base.where(isOpen).where('deals.probability', '>', HOT_PROBABILITY);
  } else if (query.filter === 'at-risk') {
    const quietSince = new Date(now.getTime() - QUIET_DAYS * DAY_MS).toISOString();
    base = base
      .where(isOpen)
      .where((eb) =>
        eb.or([
          eb('deals.risk_factors', '!=', '[]'),
          eb.and([
            eb('deals.competitor_mentioned', 'is not', null),
            eb('deals.competitor_mentioned', '!=', ''),
          ]),
          eb(eb.fn.coalesce('deals.last_activity', 'deals.created_at'), '<', quietSince),
        ]),
      );
  } else if (query.filter === 'closing-soon') {
    const until = new Date(now.getTime() + CLOSING_SOON_DAYS * DAY_MS).toISOString();
    base = base
      .where(isOpen)
      .where('deals.expected_close_date', '>=', startOfDay(now))
      .where('deals.expected_close_date', '<=', until);
  }

  const { column, direction } = orderOf(query.sort, sortColumns, '-probability');
  const [rows, count] = await Promise.all([
    base
      .selectAll('deals')
      .orderBy(`deals.${column}`, direction)
      .orderBy('deals.id', direction)
      .limit(query.limit)
      .offset(offsetOf(query))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Sums over the visible open deals; weighted sums are Σ value × probability (÷ 100 by the caller). */
export async function forecastSums(db: Tx, scope: Scope, now: Date) {
  const monthStart = `${now.toISOString().slice(0, 7)}-01T00:00:00.000Z`;
  const next = new Date(monthStart);
  next.setUTCMonth(next.getUTCMonth() + 1);
  const nextMonthStart = next.toISOString();
  const row = await visibleDeals(db, scope)
    .where(isOpen)
    .select((eb) => {
      const thisMonth = eb.and([
        eb('deals.expected_close_date', '>=', monthStart),
        eb('deals.expected_close_date', '<', nextMonthStart),
      ]);
      const weighted = sql<number>`deals.value * deals.probability`;
      return [
        eb.fn.sum<number>('deals.value').as('pipeline'),
        eb.fn.sum<number>(weighted).as('weighted'),
        eb.fn.sum<number>(eb.case().when(thisMonth).then(1).else(0).end()).as('closingCount'),
        eb.fn
          .sum<number>(eb.case().when(thisMonth).then(weighted).else(0).end())
          .as('monthWeighted'),
      ];
    })
    .executeTakeFirstOrThrow();
  return {
    pipeline: Number(row.pipeline ?? 0),
    weighted: Number(row.weighted ?? 0),
    closingCount: Number(row.closingCount ?? 0),
    monthWeighted: Number(row.monthWeighted ?? 0),
  };
}

/** Days since 1970 of a timestamp column, in each database's own date arithmetic. */
function epochDays(db: Tx, column: string): RawBuilder<number> {
  return isPostgres(db)
    ? sql<number>`extract(epoch from ${sql.ref(column)}) / 86400.0`
    : sql<number>`julianday(${sql.ref(column)}) - 2440587.5`;
}

/** Per stage, in pipeline order, every stage present (zeros for an empty one). */
export async function stageSums(db: Tx, scope: Scope) {
  const rows = await visibleDeals(db, scope)
    .select((eb) => [
      'deals.stage',
      eb.fn.countAll<number>().as('count'),
      eb.fn.sum<number>('deals.value').as('totalValue'),
      eb.fn.avg<number>('deals.probability').as('avgProbability'),
      // avg(now − changed) = now − avg(changed): the caller subtracts from its own clock.
      eb.fn.avg<number>(epochDays(db, 'deals.stage_changed_at')).as('avgChangedDay'),
    ])
    .groupBy('deals.stage')
    .execute();
  const byStage = new Map(rows.map((r) => [r.stage, r]));
  return dealStages.map((stage) => {
    const r = byStage.get(stage);
    return {
      stage,
      count: Number(r?.count ?? 0),
      totalValue: Number(r?.totalValue ?? 0),
      avgProbability: Number(r?.avgProbability ?? 0),
      avgChangedDay: r ? Number(r.avgChangedDay) : null,
    };
  });
}
