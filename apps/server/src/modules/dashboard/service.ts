import type { ActionItem, DashboardSummary, SalesForecast } from '@flow/contracts';
import { DateTime } from 'luxon';
import { OPEN_STAGES, stageLabel } from '../../ai/deal-probability';
import { forecast } from '../../ai/forecast';
import { notFound } from '../../platform/errors';
import type { Scope } from '../../platform/scope';
import { memberPreferences } from '../notifications/repository';
import type { ServiceDeps } from '../registry';
import { contactSummaries, dealSummaries, withContact } from '../search/read-models';
import { actionItemsOf } from './action-items';
import * as items from './action-items-repository';
import * as repo from './repository';

/** "Top few" of each summary list. */
const TOP = 5;
/** Deals read to judge the forecast's data quality (see repo.forecastBasis). */
const QUALITY_SAMPLE = 20_000;

const money = (n: number) => Math.round(n * 100) / 100;

export function createDashboardService(deps: ServiceDeps) {
  const { db, mutate, clock } = deps;

  async function timezoneOf(scope: Scope): Promise<string> {
    return (await memberPreferences(db, scope.organizationId, scope.userId))?.timezone ?? 'UTC';
  }

  return {
    /**
     * This month's weighted revenue (month of the caller's time zone), by stage, from SQL sums
     * over the visible open deals expected to close in it; the confidence is the forecast
     * engine's data-quality rule (recent activity, realistic close dates, enough deals).
     */
    async forecast(scope: Scope): Promise<SalesForecast> {
      const now = clock();
      const timeZone = await timezoneOf(scope);
      const month = DateTime.fromJSDate(now, { zone: timeZone }).startOf('month');
      const period = month.toFormat('yyyy-MM');
      // Close dates are stored as UTC midnights of a calendar day: compare calendar months.
      const from = `${period}-01T00:00:00.000Z`;
      const to = `${month.plus({ months: 1 }).toFormat('yyyy-MM')}-01T00:00:00.000Z`;
      const [byStage, basis] = await Promise.all([
        repo.forecastByStage(db, scope, from, to),
        repo.forecastBasis(db, scope, to, QUALITY_SAMPLE),
      ]);
      const quality = forecast(
        basis.map((d) => ({
          value: d.value,
          probability: d.probability,
          stage: d.stage,
          // The calendar day, so the engine does not shift it into the caller's zone.
          expectedCloseDate: (d.expected_close_date ?? d.created_at).slice(0, 10),
          lastActivity: d.last_activity ?? d.created_at,
        })),
        now,
        { timeZone },
      );
      const breakdown = OPEN_STAGES.flatMap((stage) => {
        const s = byStage.find((r) => r.stage === stage);
        if (!s || s.count === 0) return [];
        // Value-weighted probability, so amount = value × probability / 100 for the stage.
        const probability = s.value > 0 ? (100 * s.weighted) / s.value : s.avgProbability;
        return [
          {
            source: stageLabel(stage),
            amount: money(s.weighted),
            probability: Math.min(100, Math.max(0, Math.round(probability))),
          },
        ];
      });
      return {
        revenue: money(byStage.reduce((sum, s) => sum + s.weighted, 0)),
        period,
        confidence: quality.sales.confidence,
        breakdown,
      };
    },

    /** The Command Center's lists, each the top few of what the caller can see. */
    async summary(scope: Scope): Promise<DashboardSummary> {
      const org = scope.organizationId;
      const [recentDeals, likelyDeals, recentContacts, risky, total] = await Promise.all([
        repo.recentlyActiveDeals(db, scope, TOP),
        repo.highProbabilityDeals(db, scope, TOP),
        repo.recentlyContacted(db, scope, TOP),
        repo.atRiskContacts(db, scope, TOP),
        repo.openPipelineValue(db, scope),
      ]);
      const [deals, highProbabilityDeals, contacts, atRiskContacts] = await Promise.all([
        dealSummaries(db, org, withContact(recentDeals)),
        dealSummaries(db, org, withContact(likelyDeals)),
        contactSummaries(db, org, recentContacts),
        contactSummaries(db, org, risky),
      ]);
      return {
        deals,
        contacts,
        totalDealsValue: money(total),
        atRiskContacts,
        highProbabilityDeals,
      };
    },

    actionItems(scope: Scope): Promise<ActionItem[]> {
      return actionItemsOf(deps, scope);
    },

    /** Idempotent: dismissing a dismissed item succeeds; another user's item is 404. */
    async dismissActionItem(scope: Scope, id: string): Promise<void> {
      const stamp = clock().toISOString();
      await mutate(async (tx) => {
        if (!(await items.findItem(tx, scope, id))) throw notFound('Action item');
        await items.dismissItem(tx, id, stamp);
      });
    },
  };
}
export type DashboardService = ReturnType<typeof createDashboardService>;
