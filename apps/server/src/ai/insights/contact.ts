import type { AIInsight, CommunicationType, DealStage, Sentiment } from '@flow/contracts';
import { STAGE_PRIOR, isOpenStage } from '../deal-probability/stages';
import { DAY_MS, round, shortDay, toMs } from '../deal-probability/util';
import {
  moodOf,
  scoreRelationship,
  sentimentTrendOf,
  type RelationshipScore,
} from '../health/relationship';
import { stableId } from './ids';
import { confidence, days, money, times } from './text';

export interface ContactInsightInput {
  contact: { id: string; name: string; nextFollowUp?: string; createdAt?: string };
  communications: readonly {
    type: CommunicationType;
    date: string;
    sentiment: Sentiment;
    score?: number;
    subject?: string;
  }[];
  deals?: readonly {
    id: string;
    title: string;
    value: number;
    stage: DealStage;
    probability?: number;
  }[];
  /** As scoreRelationship computed it; computed here when absent. */
  relationship?: RelationshipScore;
  now: Date;
}

type Draft = Omit<AIInsight, 'id' | 'date'> & { cause: string };

/**
 * Insights about a contact, each from a fact in the data that the description names. Nothing is
 * produced when nothing supports it. Ids are stable for the same cause, so regenerating updates.
 */
export function contactInsights(input: ContactInsightInput): AIInsight[] {
  const { contact, now } = input;
  const t = now.getTime();
  const past = input.communications
    .filter((c) => toMs(c.date) <= t)
    .sort((a, b) => toMs(a.date) - toMs(b.date));
  const deals = input.deals ?? [];
  const openDeals = deals.filter((d) => isOpenStage(d.stage));
  const rel =
    input.relationship ??
    scoreRelationship({
      communications: past,
      openDeals: openDeals.map((d) => ({
        value: d.value,
        probability: d.probability ?? STAGE_PRIOR[d.stage],
      })),
      ...(contact.createdAt ? { createdAt: contact.createdAt } : {}),
      now,
    });
  const drafts: Draft[] = [];
  const last = past[past.length - 1];
  const silent = last ? (t - toMs(last.date)) / DAY_MS : undefined;
  const first = contact.name.split(' ')[0] ?? contact.name;

  if (last && silent !== undefined && last.sentiment === 'negative' && silent >= 7) {
    drafts.push({
      cause: `silent-after-negative:${last.date}`,
      type: 'risk',
      title: 'Silence after a negative exchange',
      description: `No contact for ${days(silent)} after a negative ${last.type}${last.subject ? ` ("${last.subject}")` : ''} — churn risk ${rel.churnRisk}`,
      confidence: confidence(45 + silent + (rel.churnRisk - 50) / 2),
      actionable: true,
      suggestedAction: `Call ${first} to address the concerns from ${shortDay(last.date)} before they escalate`,
    });
  } else if (rel.churnRisk > 60) {
    // Name the two facts that hurt health most, so the risk is explained, not asserted.
    const worst = rel.factors
      .filter((f) => f.impact < 0 && f.name !== 'clamp')
      .sort((a, b) => a.impact - b.impact)
      .slice(0, 2)
      .map((f) => f.description.charAt(0).toLowerCase() + f.description.slice(1));
    if (worst.length > 0) {
      drafts.push({
        cause: `churn:${last?.date ?? 'none'}`,
        type: 'risk',
        title: 'Churn risk',
        description: `Churn risk ${rel.churnRisk}: ${worst.join('; ')}`,
        confidence: confidence(rel.churnRisk),
        actionable: true,
        suggestedAction: `Schedule a check-in with ${first} this week`,
      });
    }
  }

  const lastFive = past.slice(-5);
  const count = (s: Sentiment) => lastFive.filter((c) => c.sentiment === s).length;
  const recentNegative = past.slice(-3).some((c) => c.sentiment === 'negative');
  if (lastFive.length >= 3 && count('positive') >= 3 && !recentNegative) {
    const parts = [
      `${count('positive')} positive`,
      `${count('neutral')} neutral`,
      `${count('negative')} negative`,
    ];
    const deal = openDeals[0];
    drafts.push({
      cause: `trend-positive:${last!.date}`,
      type: 'trend',
      title: 'Positive sentiment trend',
      description: `Positive sentiment trend over the last ${lastFive.length} messages (${parts.filter((p) => !p.startsWith('0')).join(', ')})`,
      confidence: confidence(40 + 10 * count('positive')),
      actionable: true,
      suggestedAction: deal
        ? `Use the goodwill: propose the next step on "${deal.title}"`
        : `Ask ${first} about new needs while the relationship is warm`,
    });
  } else if (rel.sentimentTrend === 'declining') {
    const { recent, earlier: before } = sentimentTrendOf(past.map(moodOf));
    const fmt = (m: number) => (m > 0 ? `+${round(m, 1)}` : `${round(m, 1)}`.replace('-', '−'));
    drafts.push({
      cause: `trend-declining:${last!.date}`,
      type: 'trend',
      title: 'Sentiment declining',
      description: `Sentiment declining: ${count('negative')} of the last ${lastFive.length} messages negative (mood ${fmt(recent)} recently vs ${fmt(before)} before, on −1..1)`,
      confidence: confidence(50 + 8 * count('negative')),
      actionable: true,
      suggestedAction: `Ask ${first} directly what changed and agree on a fix`,
    });
  }

  const followUp = contact.nextFollowUp;
  if (followUp && toMs(followUp) < t) {
    const late = (t - toMs(followUp)) / DAY_MS;
    if (late >= 1) {
      drafts.push({
        cause: `follow-up-overdue:${followUp}`,
        type: 'suggestion',
        title: 'Follow-up overdue',
        description: `Follow-up planned for ${shortDay(followUp)} is ${days(late)} overdue`,
        confidence: 90,
        actionable: true,
        suggestedAction: `Reach out to ${first} today, or reschedule the follow-up`,
      });
    }
  }

  // Contact frequency against their own earlier rhythm (days 30–180 before now).
  const last30 = past.filter((c) => t - toMs(c.date) <= 30 * DAY_MS).length;
  const earlier = past.filter((c) => {
    const age = t - toMs(c.date);
    return age > 30 * DAY_MS && age <= 180 * DAY_MS;
  });
  if (earlier.length >= 4) {
    const span = Math.max(30, Math.min(150, (t - toMs(earlier[0]!.date)) / DAY_MS - 30));
    const rate = (earlier.length / span) * 30;
    if (rate >= 2 && last30 < rate / 2) {
      drafts.push({
        cause: `frequency-drop:${last?.date}`,
        type: 'trend',
        title: 'Contact frequency dropping',
        description: `Contact frequency fell to ${last30} in the last 30 days from ${round(rate, 1)} a month before`,
        confidence: confidence(50 + 10 * (rate - last30)),
        actionable: true,
        suggestedAction: `Plan a regular touchpoint with ${first} to restore the rhythm`,
      });
    }
  }

  // A deal much larger than this contact's others: worth senior attention.
  for (const deal of openDeals) {
    const others = deals.filter((d) => d.id !== deal.id && d.value > 0);
    if (others.length === 0) continue;
    const avg = others.reduce((s, d) => s + d.value, 0) / others.length;
    if (deal.value >= 2 * avg) {
      drafts.push({
        cause: `deal-size:${deal.id}`,
        type: 'opportunity',
        title: 'Unusually large deal',
        description: `Deal value ${times(deal.value / avg)} the contact's average: "${deal.title}" at ${money(deal.value)} vs ${money(avg)}`,
        confidence: confidence(55 + 5 * others.length),
        actionable: true,
        suggestedAction: `Bring an executive sponsor into "${deal.title}" and confirm the budget owner`,
      });
    }
  }

  const won = deals.filter((d) => d.stage === 'closed-won').length;
  if (rel.healthScore > 70 && openDeals.length === 0 && won > 0) {
    drafts.push({
      cause: `expansion:${won}`,
      type: 'opportunity',
      title: 'Expansion opportunity',
      description: `Healthy relationship (health ${rel.healthScore}) with ${won} won deal${won === 1 ? '' : 's'} and no open deal`,
      confidence: confidence(rel.healthScore - 10),
      actionable: true,
      suggestedAction: `Explore an expansion or renewal deal with ${first}`,
    });
  }

  return drafts
    .sort((a, b) => b.confidence - a.confidence)
    .map(({ cause, ...d }) => ({
      ...d,
      id: stableId('contact', contact.id, cause),
      date: now.toISOString(),
    }));
}
