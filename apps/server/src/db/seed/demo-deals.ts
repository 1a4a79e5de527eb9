import { newId } from '../../platform/ids';
import type { DealStage } from '../schema';
import type { FullRow } from './batch';
import { json, weekdayAfter, type DemoContext } from './demo-context';
import type { DemoContact, Profile } from './demo-contacts';
import { dealConfidence, dealPriority, dealProbability, isClosed, OPEN_STAGES } from './scoring';
import { COMPETITORS, PRODUCTS, fill } from './text';
import { ACTIVITIES, DEAL_TITLES, LOST_NOTES, WON_NOTE, type ActivityTemplate } from './text-deals';
import { DAY, HOUR, iso, officeHours, startOfDay } from './time';

export interface DemoDeal {
  id: string;
  contact: DemoContact;
  stage: DealStage;
  value: number;
  deleted: boolean;
  row: FullRow<'deals'>;
}

const STAGE_SHARE: readonly (readonly [DealStage, number])[] = [
  ['prospect', 0.19],
  ['qualified', 0.18],
  ['proposal', 0.17],
  ['negotiation', 0.14],
  ['closed-won', 0.18],
  ['closed-lost', 0.14],
];
const PHASES: Record<DealStage, readonly (keyof typeof ACTIVITIES)[]> = {
  prospect: ['early'],
  qualified: ['early'],
  proposal: ['early', 'mid'],
  negotiation: ['early', 'mid', 'late'],
  'closed-won': ['early', 'mid', 'late'],
  'closed-lost': ['early', 'mid'],
};
const ACTIVITY_COUNT: Record<DealStage, [number, number]> = {
  prospect: [1, 3],
  qualified: [2, 4],
  proposal: [3, 6],
  negotiation: [4, 8],
  'closed-won': [4, 8],
  'closed-lost': [3, 6],
};
// Healthy relationships carry more deals.
const DEAL_WEIGHT: Record<Profile, number> = { engaged: 5, steady: 3, cooling: 2, 'at-risk': 2 };

/** Deals across every stage, each with an activity history whose signals explain its score. */
export function buildDeals(
  ctx: DemoContext,
  contacts: readonly DemoContact[],
  count: number,
  deletedCount: number,
) {
  const { rng } = ctx;
  const stages: DealStage[] = STAGE_SHARE.flatMap(([stage, share]) =>
    Array<DealStage>(Math.round(count * share)).fill(stage),
  );
  while (stages.length < count) stages.push('prospect');
  const owners = contacts
    .filter((c) => !c.deleted)
    .map((c) => [c, DEAL_WEIGHT[c.profile]] as const);
  const deals: DemoDeal[] = [];
  const activities: FullRow<'deal_activities'>[] = [];
  const signals: FullRow<'deal_signals'>[] = [];
  const insights: FullRow<'deal_insights'>[] = [];

  rng.sample(stages, count).forEach((stage, i) => {
    const contact = rng.weighted(owners);
    const built = buildDeal(ctx, contact, stage, i >= count - deletedCount);
    deals.push(built.deal);
    activities.push(...built.activities);
    signals.push(...built.signals);
    insights.push(...built.insights);
  });
  return { deals, activities, signals, insights };
}

function buildDeal(ctx: DemoContext, contact: DemoContact, stage: DealStage, deleted: boolean) {
  const { rng, now, orgId } = ctx;
  const id = newId();
  const closed = isClosed(stage);
  const product = rng.pick(PRODUCTS);
  const competitor = rng.pick(COMPETITORS);
  const vars = { first: contact.first, company: contact.company, product, competitor };
  const value = rng.weighted<[number, number]>([
    [[3, 20], 4],
    [[20, 60], 4],
    [[60, 150], 2],
  ]);
  const amount = rng.int(value[0] * 2, value[1] * 2) * 500;
  const created = now - rng.int(closed ? 70 : 12, closed ? 240 : 130) * DAY;
  const closedAt = closed ? now - rng.int(1, 60) * DAY : null;
  const end = closedAt ?? now;
  // Some open deals have gone quiet: their last activity is weeks ago (the at-risk filter).
  // Closed deals end with the closing note two days after the last working activity.
  const lastActivity = Math.max(
    created + DAY,
    closed ? end - 2 * DAY : end - (rng.chance(0.2) ? rng.int(15, 30) : rng.int(0, 10)) * DAY,
  );

  const templates = pickActivities(ctx, stage);
  const activities: FullRow<'deal_activities'>[] = [];
  const signals: FullRow<'deal_signals'>[] = [];
  const positives: string[] = [];
  const risks: string[] = [];
  let competitorMentioned: string | null = null;
  const span = Math.max(lastActivity - created, DAY);
  templates.forEach((template, n) => {
    const at =
      n === templates.length - 1
        ? lastActivity
        : created + (span * (n + 1)) / (templates.length + 1);
    const date = Math.min(officeHours(at, 0, rng.int(0, 31)), now - HOUR);
    const activityId = newId();
    const description = fill(template.description, { ...vars, day: weekdayAfter(date, 4) });
    activities.push({
      id: activityId,
      organization_id: orgId,
      deal_id: id,
      owner_id: contact.owner.id,
      type: template.type,
      date: iso(date),
      description,
      outcome: template.outcome ?? null,
      next_step: template.nextStep ?? null,
      created_by: contact.owner.id,
      created_at: iso(date),
    });
    const found = template.signal ? [template.signal] : [];
    if (template.competitor) {
      competitorMentioned = competitor;
      found.push({ kind: 'risk', label: `Competitor: ${competitor}` });
    }
    for (const signal of found) {
      const isCompetitor = signal.label.startsWith('Competitor:');
      if (!isCompetitor) (signal.kind === 'risk' ? risks : positives).push(signal.label);
      signals.push({
        id: newId(),
        organization_id: orgId,
        deal_id: id,
        kind: isCompetitor ? 'competitor' : signal.kind,
        label: signal.label,
        evidence: description,
        source_type: 'activity',
        source_id: activityId,
        confidence: rng.int(60, 95),
        detected_at: iso(date),
        created_at: iso(date),
      });
    }
  });
  if (closed) activities.push(closingActivity(ctx, id, contact, stage, closedAt ?? now, vars));

  const riskFactors = [...new Set(risks)];
  const positiveSignals = [...new Set(positives)];
  const score = dealProbability(stage, positiveSignals, riskFactors, competitorMentioned);
  const dates = activities.map((a) => Date.parse(a.date));
  const expected = closedAt ?? now + rng.int(4, 95) * DAY;
  const row: FullRow<'deals'> = {
    id,
    organization_id: orgId,
    owner_id: contact.owner.id,
    title: fill(rng.pick(DEAL_TITLES), vars),
    contact_id: contact.id,
    contact_name: contact.name,
    company: contact.company,
    description: `${product} for ${contact.company}: ${rng.int(10, 120)} seats, ${rng.pick(['12', '24', '36'])}-month term.`,
    value: amount,
    stage,
    probability: score.probability,
    confidence: dealConfidence(stage, dates, positiveSignals.length, riskFactors.length, now),
    priority: dealPriority(stage, amount, score.probability),
    expected_close_date: iso(startOfDay(expected + (closed ? rng.int(-10, 10) * DAY : 0))),
    closed_date: closedAt === null ? null : iso(closedAt),
    last_activity: iso(Math.max(...dates)),
    stage_changed_at: iso(closedAt ?? created + Math.floor(rng.next() * (now - created) * 0.8)),
    competitor_mentioned: competitorMentioned,
    risk_factors: json(riskFactors),
    positive_signals: json(positiveSignals),
    probability_reasoning: json(score.reasoning),
    created_at: iso(created),
    updated_at: iso(Math.max(...dates)),
    deleted_at: deleted ? iso(now - rng.int(1, 10) * DAY) : null,
  };
  const insights = dealInsights(ctx, row, riskFactors, positiveSignals, lastActivity);
  return {
    deal: { id, contact, stage, value: amount, deleted, row },
    activities,
    signals,
    insights,
  };
}

/** Activities walk the phases in order, so a negotiation deal's history starts with discovery. */
function pickActivities(ctx: DemoContext, stage: DealStage): ActivityTemplate[] {
  const { rng } = ctx;
  const phases = PHASES[stage];
  const count = rng.int(...ACTIVITY_COUNT[stage]);
  return Array.from({ length: count }, (_, n) => {
    const phase =
      phases[Math.min(phases.length - 1, Math.floor((n * phases.length) / count))] ?? 'early';
    return rng.pick(ACTIVITIES[phase]);
  });
}

function closingActivity(
  ctx: DemoContext,
  dealId: string,
  contact: DemoContact,
  stage: DealStage,
  at: number,
  vars: Record<string, string>,
): FullRow<'deal_activities'> {
  const text = stage === 'closed-won' ? WON_NOTE : ctx.rng.pick(LOST_NOTES);
  return {
    id: newId(),
    organization_id: ctx.orgId,
    deal_id: dealId,
    owner_id: contact.owner.id,
    type: 'note',
    date: iso(at),
    description: fill(text, vars),
    outcome: stage === 'closed-won' ? 'Won' : 'Lost',
    next_step: null,
    created_by: contact.owner.id,
    created_at: iso(at),
  };
}

function dealInsights(
  ctx: DemoContext,
  deal: FullRow<'deals'>,
  risks: string[],
  positives: string[],
  lastActivity: number,
): FullRow<'deal_insights'>[] {
  const { rng, now, orgId } = ctx;
  if (!(OPEN_STAGES as readonly string[]).includes(deal.stage)) return [];
  const date = iso(now - rng.int(1, 48) * HOUR);
  const base = { organization_id: orgId, deal_id: deal.id, date, created_at: date };
  const rows: FullRow<'deal_insights'>[] = [];
  if (deal.competitor_mentioned) {
    rows.push({
      ...base,
      id: newId(),
      type: 'competitor',
      title: `${deal.competitor_mentioned} in the running`,
      description: `${deal.contact_name} mentioned ${deal.competitor_mentioned}; expect price comparison.`,
      impact: 'high',
      actionable: 1,
      suggested_action: 'Send the competitive comparison and a customer reference',
      confidence: rng.int(70, 92),
    });
  }
  if (risks.length > 0) {
    rows.push({
      ...base,
      id: newId(),
      type: 'risk',
      title: risks[0] ?? 'Deal risk',
      description: `Risk factors: ${risks.join(', ')}.`,
      impact: risks.length > 1 ? 'high' : 'medium',
      actionable: 1,
      suggested_action: 'Address the risk with the champion before the next stage',
      confidence: rng.int(60, 88),
    });
  }
  if (now - lastActivity > 14 * DAY) {
    rows.push({
      ...base,
      id: newId(),
      type: 'suggestion',
      title: 'Deal going quiet',
      description: `No activity for ${Math.floor((now - lastActivity) / DAY)} days.`,
      impact: 'medium',
      actionable: 1,
      suggested_action: `Check in with ${deal.contact_name}`,
      confidence: rng.int(70, 90),
    });
  }
  if (positives.length > risks.length && deal.probability > 70) {
    rows.push({
      ...base,
      id: newId(),
      type: 'opportunity',
      title: 'Strong momentum',
      description: `Positive signals: ${positives.join(', ')}.`,
      impact: 'high',
      actionable: 1,
      suggested_action: 'Propose a signature date',
      confidence: rng.int(65, 90),
    });
  }
  return rows;
}
