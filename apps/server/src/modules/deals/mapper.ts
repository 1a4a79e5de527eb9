import type { DealActivity, DealInsight, DealSummary } from '@flow/contracts';
import type { DealActivityRow, DealInsightsTable, DealRow } from '../../db/schema';
import type { Selectable } from 'kysely';

export type DealInsightRow = Selectable<DealInsightsTable>;

/** The calendar day a stored close date stands for (stored as midnight UTC of that day). */
export function closeDay(row: Pick<DealRow, 'expected_close_date' | 'created_at'>): string {
  return (row.expected_close_date ?? row.created_at).slice(0, 10);
}

/**
 * A request's close date → midnight UTC of that day, as stored. A timestamp counts as the day it
 * names in its own offset ("2025-03-31T23:00-05:00" is still the 31st for whoever picked it).
 */
export function storedCloseDate(value: string): string {
  return `${value.slice(0, 10)}T00:00:00.000Z`;
}

export function toDealSummary(row: DealRow, tags: string[]): DealSummary {
  return {
    id: row.id,
    ownerId: row.owner_id,
    title: row.title,
    // A hard-deleted (erased) contact nulls the link; the name copy stays.
    contactId: row.contact_id ?? '',
    contactName: row.contact_name,
    company: row.company,
    value: row.value,
    stage: row.stage,
    probability: row.probability,
    confidence: row.confidence,
    expectedCloseDate: closeDay(row),
    createdDate: row.created_at,
    ...(row.closed_date ? { closedDate: row.closed_date } : {}),
    lastActivity: row.last_activity ?? row.created_at,
    description: row.description,
    tags,
    ...(row.competitor_mentioned ? { competitorMentioned: row.competitor_mentioned } : {}),
    riskFactors: parseList(row.risk_factors),
    positiveSignals: parseList(row.positive_signals),
    priority: row.priority,
    probabilityReasoning: parseList(row.probability_reasoning),
    updatedAt: row.updated_at,
  };
}

export function toDealActivity(row: DealActivityRow): DealActivity {
  return {
    id: row.id,
    dealId: row.deal_id,
    type: row.type,
    date: row.date,
    description: row.description,
    ...(row.outcome ? { outcome: row.outcome } : {}),
    ...(row.next_step ? { nextStep: row.next_step } : {}),
  };
}

export function toDealInsight(row: DealInsightRow): DealInsight {
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    description: row.description,
    impact: row.impact,
    actionable: row.actionable === 1,
    ...(row.suggested_action ? { suggestedAction: row.suggested_action } : {}),
    confidence: row.confidence,
    date: row.date,
  };
}

/** JSON text of a string array; anything else reads as empty rather than failing the request. */
export function parseList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
