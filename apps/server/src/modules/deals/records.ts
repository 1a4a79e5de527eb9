import {
  closedDealStages,
  type Deal,
  type DealStage,
  type DealSummary,
  type Priority,
} from '@flow/contracts';
import type { DealModel } from '../../ai/deal-probability';
import type { DealRow, DealUpdate } from '../../db/schema';
import type { Tx } from '../../db/tx';
import { tagNamesOf } from '../tags/repository';
import { toDealActivity, toDealInsight, toDealSummary } from './mapper';
import * as repo from './repository';
import { scoreDealFacts, type DealScoring } from './scoring';

// Reading a deal whole, and writing what the engine computes for it, inside the caller's transaction.

const isClosed = (stage: DealStage) => (closedDealStages as readonly DealStage[]).includes(stage);

export async function summaries(
  tx: Tx,
  organizationId: string,
  rows: DealRow[],
): Promise<DealSummary[]> {
  const tags = await tagNamesOf(
    tx,
    organizationId,
    'deal',
    rows.map((r) => r.id),
  );
  return rows.map((row) => toDealSummary(row, tags.get(row.id) ?? []));
}

/** The deal with its activities (newest first) and insights, as GET /api/deals/:id answers. */
export async function fullDeal(tx: Tx, row: DealRow): Promise<Deal> {
  const [[summary], activities, insights] = await Promise.all([
    summaries(tx, row.organization_id, [row]),
    repo.activitiesOf(tx, row.id),
    repo.insightsOf(tx, row.id),
  ]);
  return {
    ...summary!,
    activities: activities.map(toDealActivity),
    aiInsights: insights.map(toDealInsight),
  };
}

/** The computed columns of a scoring, as stored on the deal row. */
export function scoredColumns(scoring: DealScoring): DealUpdate {
  const { score } = scoring;
  return {
    probability: score.probability,
    confidence: score.confidence,
    risk_factors: JSON.stringify(score.riskFactors),
    positive_signals: JSON.stringify(score.positiveSignals),
    probability_reasoning: JSON.stringify(score.probabilityReasoning),
    competitor_mentioned: score.competitorMentioned ?? null,
    last_activity: scoring.lastActivity,
  };
}

/** Signals and insights of a scoring replace the deal's previous ones. */
export async function storeDerived(
  tx: Tx,
  row: Pick<DealRow, 'id' | 'organization_id'>,
  scoring: DealScoring,
  now: string,
): Promise<void> {
  await repo.replaceSignals(tx, row.id, scoring.signals);
  await repo.replaceInsights(tx, row, scoring.insights, now);
}

export interface RescoreOptions {
  now: Date;
  model: DealModel | null;
  /** A competitor the user just set (string) or cleared (null); undefined keeps the stored one. */
  manualCompetitor?: string | null;
}

/** Recomputes probability, signals and insights from the stored deal and its activities. */
export async function rescore(tx: Tx, row: DealRow, options: RescoreOptions): Promise<DealRow> {
  const [activities, storedCompetitor, contactAverageValue] = await Promise.all([
    repo.activitiesOf(tx, row.id),
    options.manualCompetitor === undefined
      ? repo.manualCompetitorOf(tx, row.id)
      : Promise.resolve(options.manualCompetitor),
    row.contact_id ? repo.contactAverageValue(tx, row.contact_id, row.id) : undefined,
  ]);
  const scoring = scoreDealFacts(row, activities, {
    now: options.now,
    model: options.model,
    manualCompetitor: storedCompetitor,
    ...(contactAverageValue !== undefined ? { contactAverageValue } : {}),
  });
  await repo.setComputedFields(tx, row.id, scoredColumns(scoring));
  await storeDerived(tx, row, scoring, options.now.toISOString());
  return (await repo.findDealById(tx, row.id))!;
}

/** Columns that change when a deal enters `stage`: closing sets closedDate, reopening clears it. */
export function stageColumns(current: DealRow, stage: DealStage, now: string): DealUpdate {
  if (stage === current.stage) return {};
  const closedDate = isClosed(stage)
    ? // Won ↔ lost is a correction of how it closed, not a new closing.
      isClosed(current.stage)
      ? (current.closed_date ?? now)
      : now
    : null;
  return { stage, stage_changed_at: now, closed_date: closedDate };
}

/** A default when the user sets none: big or likely deals first, long shots last. */
export function defaultPriority(
  value: number,
  probability: number,
  highValueThreshold: number,
): Priority {
  if (value >= highValueThreshold || probability > 70) return 'high';
  if (probability < 30) return 'low';
  return 'medium';
}

/**
 * The fields that differ between two versions of a deal (deal:updated `changes`). An optional
 * field that went away (closedDate on reopening) cannot be sent in the contract's shape; clients
 * see the stage change that caused it.
 */
export function changesBetween(before: Deal, after: Deal): Partial<Deal> {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof Deal)[]) {
    if (key === 'activities') continue; // deal:activity_added carries those
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = after[key];
  }
  return changes as Partial<Deal>;
}
