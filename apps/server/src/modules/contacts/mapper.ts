import type { AIInsight, CommunicationEvent, ContactSummary } from '@flow/contracts';
import type { AiInsightsTable, CommunicationEventRow, ContactRow } from '../../db/schema';
import type { Selectable } from 'kysely';

export function toContactSummary(row: ContactRow, tags: string[]): ContactSummary {
  return {
    id: row.id,
    ownerId: row.owner_id,
    name: row.name,
    email: row.email ?? '',
    phone: row.phone ?? '',
    company: row.company ?? '',
    title: row.title ?? '',
    ...(row.avatar ? { avatar: row.avatar } : {}),
    relationshipHealth: row.relationship_health,
    healthScore: row.health_score,
    lastContact: row.last_contact,
    ...(row.next_follow_up ? { nextFollowUp: row.next_follow_up } : {}),
    sentiment: row.sentiment,
    churnRisk: row.churn_risk,
    totalDeals: row.total_deals,
    totalValue: row.total_value,
    tags,
    notes: parseList(row.notes),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toCommunicationEvent(row: CommunicationEventRow): CommunicationEvent {
  return {
    id: row.id,
    type: row.type,
    date: row.date,
    ...(row.subject ? { subject: row.subject } : {}),
    summary: row.summary,
    sentiment: row.sentiment,
    ...(row.ai_analysis ? { aiAnalysis: analysisText(row.ai_analysis) } : {}),
  };
}

export function toInsight(row: Selectable<AiInsightsTable>): AIInsight {
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    description: row.description,
    confidence: row.confidence,
    actionable: row.actionable === 1,
    ...(row.suggested_action ? { suggestedAction: row.suggested_action } : {}),
    date: row.date,
  };
}

export function parseList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** Stored as JSON `{ text }` (or a bare string from older rows); the API shows the text. */
function analysisText(json: string): string {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value === 'string') return value;
    if (!value || typeof value !== 'object') return '';
    const v = value as {
      text?: unknown;
      sentiment?: unknown;
      confidence?: unknown;
      emotionalTone?: unknown;
    };
    if (typeof v.text === 'string') return v.text;
    // Rows written before analyses carried prose: describe the stored reading.
    return `${String(v.sentiment ?? 'neutral')} (${String(v.confidence ?? '?')}% confidence), tone ${String(v.emotionalTone ?? 'neutral')}`;
  } catch {
    return json;
  }
}
