import { contactInsights } from '../../ai/insights';
import { scoreRelationship } from '../../ai/health';
import { overallSentiment } from '../../ai/sentiment';
import type { Tx } from '../../db/tx';
import type { Emit } from '../../realtime/mutate';
import {
  communicationsOf,
  dealsOfContact,
  messagesOfContact,
  replaceInsights,
  setComputedFields,
} from './repository';

const OPEN_STAGES = new Set(['prospect', 'qualified', 'proposal', 'negotiation']);
const SCORE_OF = { positive: 50, neutral: 0, negative: -50 } as const;

/** The score stored with a communication's analysis, or one implied by its label. */
function scoreOf(c: { sentiment: keyof typeof SCORE_OF; ai_analysis: string | null }): number {
  if (c.ai_analysis) {
    try {
      const parsed = JSON.parse(c.ai_analysis) as { score?: unknown };
      if (typeof parsed.score === 'number') return parsed.score;
    } catch {
      // fall through to the label
    }
  }
  return SCORE_OF[c.sentiment];
}

/**
 * Recomputes a contact's health, churn risk, sentiment and insights from its history and deals,
 * inside the caller's transaction. Emits `contact:health_changed` when the score moves.
 */
export async function refreshRelationship(
  tx: Tx,
  emit: Emit,
  contact: {
    id: string;
    organization_id: string;
    owner_id: string;
    name: string;
    created_at: string;
    next_follow_up: string | null;
    health_score: number;
  },
  now: Date,
  actorId: string | null,
): Promise<void> {
  const [communications, messages, deals] = await Promise.all([
    communicationsOf(tx, contact.id),
    messagesOfContact(tx, contact.id),
    dealsOfContact(tx, contact.id),
  ]);
  // Logged calls/meetings/notes and the conversations' messages are all interactions; newest first.
  const history = [
    ...communications.map((c) => ({
      type: c.type,
      date: c.date,
      sentiment: c.sentiment,
      score: scoreOf(c),
      ...(c.subject ? { subject: c.subject } : {}),
    })),
    ...messages.map((m) => ({
      type: 'email' as const,
      date: m.timestamp,
      sentiment: m.sentiment,
      score: SCORE_OF[m.sentiment],
      ...(m.subject ? { subject: m.subject } : {}),
    })),
  ].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const relationship = scoreRelationship({
    communications: history,
    openDeals: deals
      .filter((d) => OPEN_STAGES.has(d.stage))
      .map((d) => ({ value: d.value, probability: d.probability })),
    createdAt: contact.created_at,
    now,
  });
  const sentiment = history.length
    ? overallSentiment(history.map((h) => ({ score: h.score, date: h.date })))
    : 'neutral';
  const insights = contactInsights({
    contact: {
      id: contact.id,
      name: contact.name,
      createdAt: contact.created_at,
      ...(contact.next_follow_up ? { nextFollowUp: contact.next_follow_up } : {}),
    },
    communications: history,
    deals,
    relationship,
    now,
  });
  const lastContact =
    history.find((c) => c.date <= now.toISOString())?.date ?? history[0]?.date ?? null;
  await setComputedFields(tx, contact.id, {
    health_score: relationship.healthScore,
    relationship_health: relationship.relationshipHealth,
    churn_risk: relationship.churnRisk,
    sentiment,
    last_contact: lastContact,
  });
  await replaceInsights(tx, contact, insights, now.toISOString());
  const base = { organizationId: contact.organization_id, ownerId: contact.owner_id, actorId };
  if (relationship.healthScore !== contact.health_score) {
    emit({
      ...base,
      event: 'contact:health_changed',
      data: { id: contact.id, oldScore: contact.health_score, newScore: relationship.healthScore },
    });
  }
  emit({
    ...base,
    event: 'contact:updated',
    data: {
      id: contact.id,
      changes: {
        healthScore: relationship.healthScore,
        relationshipHealth: relationship.relationshipHealth,
        churnRisk: relationship.churnRisk,
        sentiment,
        lastContact,
      },
    },
  });
}
