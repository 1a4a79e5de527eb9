import type { DealActivityType, DealStage } from '@flow/contracts';
import { extractSignals } from '../signals';
import { STAGE_PRIOR, type OpenDealStage } from './stages';
import { DAY_MS, mergeUnique, toMs } from './util';

export interface DealActivityInput {
  type: DealActivityType;
  date: string;
  description: string;
  outcome?: string;
  nextStep?: string;
}

/** What the engine knows about a deal; `scoreDeal` adds `now` and an optional model. */
export interface DealInput {
  stage: DealStage;
  activities: readonly DealActivityInput[];
  riskFactors?: readonly string[];
  positiveSignals?: readonly string[];
  competitorMentioned?: string;
  value?: number;
  expectedCloseDate?: string;
  createdDate?: string;
}

/** Features are only defined while a deal is open: a closed deal is described by its last open stage. */
export type OpenDealInput = Omit<DealInput, 'stage'> & { stage: OpenDealStage };

export interface DealSignals {
  riskFactors: string[];
  positiveSignals: string[];
  competitor?: string;
}

/** The given signals plus those the extractor finds in the activity texts (given ones first). */
export function collectSignals(deal: Omit<DealInput, 'stage'>): DealSignals {
  // Oldest first: the extractor lets a later stance ("budget approved") answer an earlier one.
  const ordered = [...deal.activities].sort((a, b) => toMs(a.date) - toMs(b.date));
  const texts = ordered.flatMap((a) =>
    [a.description, a.outcome, a.nextStep].filter((t): t is string => !!t && t.trim() !== ''),
  );
  const found = texts.length > 0 ? extractSignals(texts) : { riskFactors: [], positiveSignals: [] };
  const competitor = deal.competitorMentioned?.trim() || found.competitor?.trim() || undefined;
  return {
    riskFactors: mergeUnique(deal.riskFactors, found.riskFactors),
    positiveSignals: mergeUnique(deal.positiveSignals, found.positiveSignals),
    ...(competitor ? { competitor } : {}),
  };
}

/**
 * Risks that count against the signal balance: a risk naming the competitor ("Competitor
 * evaluated: HubSpot") is left out, because the competitor already has its own adjustment.
 */
export function balanceRisks(signals: DealSignals): string[] {
  const name = signals.competitor?.toLowerCase();
  return name
    ? signals.riskFactors.filter((r) => !r.toLowerCase().includes(name))
    : signals.riskFactors;
}

export const FEATURE_NAMES = [
  'stageLogit',
  'positives',
  'risks',
  'competitor',
  'daysInactive',
  'activityCount',
  'recentActivities',
  'logValue',
  'ageDays',
  'slippageDays',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
export type DealFeatures = Record<FeatureName, number>;

/** One closed deal as the model trains on it: features at the time it was last open. */
export interface DealFeaturesRow {
  features: DealFeatures;
  won: boolean;
}

export interface ClosedDeal {
  /** The deal as it stood just before closing, with `stage` the last open stage it reached. */
  deal: OpenDealInput;
  closedAt: string | Date;
  won: boolean;
}

// Caps keep one extreme deal (a 900-day-old import, 400 activities) from dominating the fit.
const CAP = { count: 12, activities: 60, days: 180, age: 730 };
// Without any date to measure silence from, assume a typical two weeks rather than 0 or ∞.
const UNKNOWN_INACTIVITY_DAYS = 14;

/** Activities that had happened by `now` (scheduled ones in the future don't count yet). */
export function pastActivities<T extends { date: string }>(activities: readonly T[], now: Date) {
  const t = now.getTime();
  return activities.filter((a) => toMs(a.date) <= t);
}

/** Days since the last activity up to `now`, else since creation; undefined if neither is known. */
export function daysInactive(
  deal: Pick<DealInput, 'activities' | 'createdDate'>,
  now: Date,
): number | undefined {
  const past = pastActivities(deal.activities, now);
  const last = past.length > 0 ? Math.max(...past.map((a) => toMs(a.date))) : undefined;
  const anchor = last ?? (deal.createdDate ? toMs(deal.createdDate) : undefined);
  return anchor === undefined ? undefined : Math.max(0, (now.getTime() - anchor) / DAY_MS);
}

/** Days the expected close date is behind `now` (0 when not past or unknown). */
export function slippageDays(expectedCloseDate: string | undefined, now: Date): number {
  if (!expectedCloseDate) return 0;
  // A date-only close date means "by the end of that day".
  const due = toMs(expectedCloseDate) + (expectedCloseDate.length <= 10 ? DAY_MS : 0);
  return Math.max(0, (now.getTime() - due) / DAY_MS);
}

/** Features from already-collected signals; `scoreDeal` uses this to extract signals only once. */
export function featuresFrom(deal: OpenDealInput, signals: DealSignals, now: Date): DealFeatures {
  const past = pastActivities(deal.activities, now);
  const t = now.getTime();
  const firstSeen = deal.createdDate
    ? toMs(deal.createdDate)
    : Math.min(t, ...past.map((a) => toMs(a.date)));
  const prior = STAGE_PRIOR[deal.stage] / 100;
  return {
    stageLogit: Math.log(prior / (1 - prior)),
    positives: Math.min(CAP.count, signals.positiveSignals.length),
    risks: Math.min(CAP.count, balanceRisks(signals).length),
    competitor: signals.competitor ? 1 : 0,
    daysInactive: Math.min(CAP.days, daysInactive(deal, now) ?? UNKNOWN_INACTIVITY_DAYS),
    activityCount: Math.min(CAP.activities, past.length),
    recentActivities: Math.min(
      CAP.activities,
      past.filter((a) => t - toMs(a.date) <= 14 * DAY_MS).length,
    ),
    logValue: Math.log10(1 + Math.max(0, deal.value ?? 0)),
    ageDays: Math.min(CAP.age, Math.max(0, (t - firstSeen) / DAY_MS)),
    slippageDays: Math.min(CAP.days, slippageDays(deal.expectedCloseDate, now)),
  };
}

/** The model's view of a deal at `now`; used both to build training rows and to score. */
export function featuresOf(deal: OpenDealInput, now: Date): DealFeatures {
  return featuresFrom(deal, collectSignals(deal), now);
}

/** A training row: the features as of the closing moment, labelled won = 1 / lost = 0. */
export function closedDealRow(closed: ClosedDeal): DealFeaturesRow {
  const at = closed.closedAt instanceof Date ? closed.closedAt : new Date(toMs(closed.closedAt));
  return { features: featuresOf(closed.deal, at), won: closed.won };
}
