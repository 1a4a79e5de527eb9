import type { DealInsight, DealStage, Impact } from '@flow/contracts';
import { daysInactive, pastActivities, slippageDays } from '../deal-probability/features';
import type { DealActivityInput } from '../deal-probability/features';
import { isOpenStage, nextStage, stageLabel } from '../deal-probability/stages';
import { DAY_MS, plural, shortDay, toMs } from '../deal-probability/util';
import { stableId } from './ids';
import { confidence, days, listed, money, times } from './text';

export interface DealInsightInput {
  deal: {
    id: string;
    title: string;
    stage: DealStage;
    value: number;
    probability: number;
    expectedCloseDate?: string;
    createdDate?: string;
    competitorMentioned?: string;
    riskFactors: readonly string[];
    positiveSignals: readonly string[];
  };
  activities: readonly DealActivityInput[];
  /** Mean value of the same contact's other deals, for "3× the contact's average". */
  contactAverageValue?: number;
  now: Date;
}

type Draft = Omit<DealInsight, 'id' | 'date'> & { cause: string };

const LATE_STAGES: readonly DealStage[] = ['proposal', 'negotiation'];
const IMPACT_RANK: Record<Impact, number> = { high: 3, medium: 2, low: 1 };

function mentions(a: DealActivityInput, name: string): boolean {
  const needle = name.toLowerCase();
  return [a.description, a.outcome, a.nextStep].some((t) => t?.toLowerCase().includes(needle));
}

/**
 * Insights about an open deal, each naming the fact behind it; closed deals get none.
 * Ids are stable for the same cause, so regenerating updates rather than duplicates.
 */
export function dealInsights(input: DealInsightInput): DealInsight[] {
  const { deal, now } = input;
  if (!isOpenStage(deal.stage)) return [];
  const stage = deal.stage;
  const t = now.getTime();
  const past = pastActivities(input.activities, now).sort((a, b) => toMs(a.date) - toMs(b.date));
  const late = LATE_STAGES.includes(stage);
  const drafts: Draft[] = [];

  if (deal.competitorMentioned) {
    const name = deal.competitorMentioned;
    const hits = past.filter((a) => mentions(a, name));
    const lastHit = hits[hits.length - 1];
    drafts.push({
      cause: `competitor:${name.toLowerCase()}`,
      type: 'competitor',
      title: `Competing with ${name}`,
      description:
        hits.length > 0
          ? `Competitor ${name} mentioned in ${plural(hits.length, 'activity', 'activities')} (last on ${shortDay(lastHit!.date)})`
          : `Competitor ${name} is named on the deal`,
      impact: late ? 'high' : 'medium',
      actionable: true,
      suggestedAction: `Prepare a comparison against ${name} and confirm the buyer's decision criteria`,
      confidence: confidence(60 + 10 * hits.length),
    });
  }

  const quiet = daysInactive({ activities: past, createdDate: deal.createdDate }, now);
  if (quiet !== undefined && quiet >= 14) {
    const anchor = past[past.length - 1]?.date ?? deal.createdDate ?? '';
    drafts.push({
      cause: `quiet:${anchor}`,
      type: 'risk',
      title: 'Deal going quiet',
      description: `No activity for ${days(quiet)} at stage ${stageLabel(stage)}`,
      impact: quiet >= 30 || late ? 'high' : 'medium',
      actionable: true,
      suggestedAction:
        'Book a check-in call to re-engage the buyer and confirm they are still evaluating',
      confidence: confidence(50 + quiet),
    });
  }

  const slip = slippageDays(deal.expectedCloseDate, now);
  if (deal.expectedCloseDate && slip > 0) {
    drafts.push({
      cause: `slipped:${deal.expectedCloseDate}`,
      type: 'risk',
      title: 'Close date has passed',
      description: `Expected close date ${shortDay(deal.expectedCloseDate)} passed ${days(Math.ceil(slip))} ago; the deal is still in ${stageLabel(stage)}`,
      impact: slip >= 14 ? 'high' : 'medium',
      actionable: true,
      suggestedAction: 'Confirm a realistic close date with the buyer and update the deal',
      confidence: 90,
    });
  } else if (deal.expectedCloseDate && deal.probability < 50) {
    const left = (toMs(deal.expectedCloseDate) - t) / DAY_MS;
    if (left <= 14) {
      drafts.push({
        cause: `close-soon-unlikely:${deal.expectedCloseDate}`,
        type: 'risk',
        title: 'Close date looks optimistic',
        description: `Expected to close by ${shortDay(deal.expectedCloseDate)} (${days(Math.max(0, left) + 1)}) at only ${deal.probability}% probability in ${stageLabel(stage)}`,
        impact: 'medium',
        actionable: true,
        suggestedAction: 'Re-qualify the timeline with the buyer or move the close date',
        confidence: confidence(80 - deal.probability / 2),
      });
    }
  }

  const risks = deal.riskFactors.length;
  const positives = deal.positiveSignals.length;
  if (risks > positives) {
    drafts.push({
      cause: `risks:${deal.riskFactors
        .map((r) => r.toLowerCase())
        .sort()
        .join('|')}`,
      type: 'risk',
      title: 'Risks outweigh positive signals',
      description: `${plural(risks, 'risk factor')} (${listed(deal.riskFactors)}) vs ${plural(positives, 'positive signal')}`,
      impact: risks - positives >= 2 ? 'high' : 'medium',
      actionable: true,
      suggestedAction: `Address "${deal.riskFactors[0]}" first, with the person who raised it`,
      confidence: confidence(55 + 8 * (risks - positives)),
    });
  }

  const lastWeek = past.filter((a) => t - toMs(a.date) <= 7 * DAY_MS).length;
  if (lastWeek >= 2 && positives > risks) {
    const next = nextStage(stage);
    drafts.push({
      cause: `momentum:${stage}`,
      type: 'opportunity',
      title: 'Strong momentum',
      description: `${lastWeek} activities in the last 7 days and ${plural(positives, 'positive signal')} (${listed(deal.positiveSignals)})`,
      impact: late ? 'high' : 'medium',
      actionable: true,
      suggestedAction: next
        ? `Propose moving to ${stageLabel(next)} while the buyer is engaged`
        : 'Push for signature: send the final contract this week',
      confidence: confidence(50 + 5 * lastWeek + 5 * (positives - risks)),
    });
  }

  const avg = input.contactAverageValue;
  if (avg !== undefined && avg > 0 && deal.value >= 2 * avg) {
    drafts.push({
      cause: 'size-vs-contact',
      type: 'opportunity',
      title: 'Unusually large deal',
      description: `Deal value ${times(deal.value / avg)} the contact's average (${money(deal.value)} vs ${money(avg)})`,
      impact: 'high',
      actionable: true,
      suggestedAction: 'Bring in an executive sponsor and confirm who owns the budget',
      confidence: 70,
    });
  }

  const lastActivity = past[past.length - 1];
  if (lastActivity && stage !== 'prospect' && !lastActivity.nextStep?.trim()) {
    drafts.push({
      cause: `no-next-step:${lastActivity.date}`,
      type: 'suggestion',
      title: 'No next step agreed',
      description: `The last activity (${lastActivity.type} on ${shortDay(lastActivity.date)}) recorded no next step`,
      impact: late ? 'medium' : 'low',
      actionable: true,
      suggestedAction: 'Agree a concrete next step with a date, and log it on the deal',
      confidence: 75,
    });
  }

  return drafts
    .sort((a, b) => IMPACT_RANK[b.impact] - IMPACT_RANK[a.impact] || b.confidence - a.confidence)
    .map(({ cause, ...d }) => ({
      ...d,
      id: stableId('deal', deal.id, cause),
      date: now.toISOString(),
    }));
}
