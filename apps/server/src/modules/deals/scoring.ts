import type { DealInsight, DealStage } from '@flow/contracts';
import {
  scoreDeal,
  type DealActivityInput,
  type DealInput,
  type DealModel,
  type DealScore,
} from '../../ai/deal-probability';
import { dealInsights } from '../../ai/insights';
import { extractSignals, type ExtractedSignals } from '../../ai/signals';
import type { DealActivityRow, DealRow } from '../../db/schema';
import { newId } from '../../platform/ids';
import { closeDay } from './mapper';
import type { NewSignalRow } from './repository';

// Everything the engine computes for one deal, from the deal's own facts and its activities.
// Signals are always re-derived from the sources (description, activities, the competitor the user
// named) rather than from the stored lists, so a concern that was answered later disappears.

type DealFacts = Pick<
  DealRow,
  | 'id'
  | 'organization_id'
  | 'title'
  | 'stage'
  | 'value'
  | 'description'
  | 'expected_close_date'
  | 'created_at'
>;

export interface ScoringContext {
  now: Date;
  model: DealModel | null;
  /** The competitor the user named on the deal, if any (extracted ones are found again). */
  manualCompetitor: string | null;
  contactAverageValue?: number;
}

export interface DealScoring {
  score: DealScore;
  lastActivity: string;
  signals: NewSignalRow[];
  insights: DealInsight[];
}

const EVIDENCE_MAX = 500;
const NO_SIGNALS: ExtractedSignals = { riskFactors: [], positiveSignals: [] };

const byDateAsc = (a: { date: string }, b: { date: string }) =>
  Date.parse(a.date) - Date.parse(b.date);

function textsOf(a: DealActivityRow): string[] {
  return [a.description, a.outcome, a.next_step].filter(
    (t): t is string => typeof t === 'string' && t.trim() !== '',
  );
}

export function toActivityInput(a: DealActivityRow): DealActivityInput {
  return {
    type: a.type,
    date: a.date,
    description: a.description,
    ...(a.outcome ? { outcome: a.outcome } : {}),
    ...(a.next_step ? { nextStep: a.next_step } : {}),
  };
}

const extract = (texts: readonly string[]) => (texts.length ? extractSignals(texts) : NO_SIGNALS);

/**
 * The engine's view of a deal. The description is read together with the activities (oldest
 * first, description before them), so a later "budget approved" answers an earlier worry.
 */
export function engineDeal(
  deal: DealFacts,
  activities: readonly DealActivityRow[],
  manualCompetitor: string | null,
  stage: DealStage = deal.stage,
): DealInput {
  const ordered = [...activities].sort(byDateAsc);
  const found = extract([deal.description, ...ordered.flatMap(textsOf)].filter((t) => t.trim()));
  const competitor = manualCompetitor ?? found.competitor;
  return {
    stage,
    activities: ordered.map(toActivityInput),
    riskFactors: found.riskFactors,
    positiveSignals: found.positiveSignals,
    ...(competitor ? { competitorMentioned: competitor } : {}),
    value: deal.value,
    expectedCloseDate: closeDay(deal),
    createdDate: deal.created_at,
  };
}

/** The latest activity that has happened; a new deal's last activity is its creation. */
export function lastActivityOf(deal: DealFacts, activities: readonly DealActivityRow[], now: Date) {
  const past = activities.filter((a) => Date.parse(a.date) <= now.getTime()).sort(byDateAsc);
  return past.at(-1)?.date ?? deal.created_at;
}

/** Where each signal came from: the first text (description, then activities) that shows it. */
function signalRows(
  deal: DealFacts,
  activities: readonly DealActivityRow[],
  score: DealScore,
  manualCompetitor: string | null,
  now: string,
): NewSignalRow[] {
  const sources = [
    // The description is the user's own text about the deal: a 'manual' source, the deal itself.
    { type: 'manual' as const, id: deal.id, date: deal.created_at, texts: [deal.description] },
    ...[...activities].sort(byDateAsc).map((a) => ({
      type: 'activity' as const,
      id: a.id,
      date: a.date,
      texts: textsOf(a),
    })),
  ].map((s) => ({ ...s, found: extract(s.texts.filter((t) => t.trim())) }));

  const row = (
    kind: NewSignalRow['kind'],
    label: string,
    has: (f: ExtractedSignals) => boolean,
  ): NewSignalRow => {
    const source = sources.find((s) => has(s.found));
    return {
      id: newId(),
      organization_id: deal.organization_id,
      deal_id: deal.id,
      kind,
      label,
      evidence: source ? source.texts.join(' — ').slice(0, EVIDENCE_MAX) : null,
      source_type: source?.type ?? 'activity',
      source_id: source?.id ?? null,
      detected_at: source?.date ?? now,
      created_at: now,
    };
  };

  const rows = [
    ...score.riskFactors.map((label) =>
      row(label.startsWith('Competitor') ? 'competitor' : 'risk', label, (f) =>
        f.riskFactors.includes(label),
      ),
    ),
    ...score.positiveSignals.map((label) =>
      row('positive', label, (f) => f.positiveSignals.includes(label)),
    ),
  ];
  if (manualCompetitor) {
    rows.push({
      id: newId(),
      organization_id: deal.organization_id,
      deal_id: deal.id,
      kind: 'competitor',
      label: manualCompetitor,
      evidence: null,
      source_type: 'manual',
      source_id: null,
      confidence: 100, // the user said so
      detected_at: now,
      created_at: now,
    });
  }
  return rows;
}

/** Probability, confidence, signals, reasoning and insights of a deal as it now stands. */
export function scoreDealFacts(
  deal: DealFacts,
  activities: readonly DealActivityRow[],
  ctx: ScoringContext,
): DealScoring {
  const input = engineDeal(deal, activities, ctx.manualCompetitor);
  const score = scoreDeal({ ...input, now: ctx.now, model: ctx.model });
  const stamp = ctx.now.toISOString();
  const insights = dealInsights({
    deal: {
      id: deal.id,
      title: deal.title,
      stage: deal.stage,
      value: deal.value,
      probability: score.probability,
      expectedCloseDate: closeDay(deal),
      createdDate: deal.created_at,
      ...(score.competitorMentioned ? { competitorMentioned: score.competitorMentioned } : {}),
      riskFactors: score.riskFactors,
      positiveSignals: score.positiveSignals,
    },
    activities: input.activities,
    ...(ctx.contactAverageValue !== undefined
      ? { contactAverageValue: ctx.contactAverageValue }
      : {}),
    now: ctx.now,
  });
  return {
    score,
    lastActivity: lastActivityOf(deal, activities, ctx.now),
    signals: signalRows(deal, activities, score, ctx.manualCompetitor, stamp),
    insights,
  };
}
