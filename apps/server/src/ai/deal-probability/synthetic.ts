import type { DealActivityType } from '@flow/contracts';
import type { ClosedDeal, DealActivityInput } from './features';
import { OPEN_STAGES, type OpenDealStage } from './stages';
import { DAY_MS } from './util';

/**
 * Synthetic closed deals with a known, documented outcome process, for tests and the bench.
 *
 * Hidden process (all on the log-odds scale):
 *   logit P(won) = logit(TRUE_STAGE_RATE[stage reached])
 *                + 0.35 × (positive signals − risk factors)
 *                − 0.8 × [competitor named]
 *                − 0.045 × days inactive before closing
 *                − 0.02 × days past the expected close date
 *                + 0.7 × q      (q ~ N(0,1): deal quality the CRM never sees → irreducible noise)
 * q also drives what is visible (more positives, fewer risks, less silence), as in real pipelines.
 * True stage rates (15/30/50/70%) differ from API.md's priors (20/40/65/85): a real org's win rates
 * rarely match the defaults, which is what the per-organization model is there to learn.
 */
export const TRUE_STAGE_RATE: Readonly<Record<OpenDealStage, number>> = {
  prospect: 0.15,
  qualified: 0.3,
  proposal: 0.5,
  negotiation: 0.7,
};
export const TRUE_EFFECTS = {
  perNetSignal: 0.35,
  competitor: -0.8,
  perInactiveDay: -0.045,
  perSlipDay: -0.02,
  hidden: 0.7,
} as const;

/** mulberry32: a tiny seeded PRNG, so every run generates the same deals. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

function poisson(rand: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rand(); p > limit; p *= rand()) k++;
  return k;
}

const POSITIVE = [
  'Decision maker engaged',
  'Timeline agreed',
  'Budget approved',
  'Champion identified',
  'Requested contract draft',
  'Positive demo feedback',
];
const RISKS = [
  'Budget concerns',
  'Legal review pending',
  'Stakeholder changed',
  'Pricing pushback',
  'Delayed responses',
  'Scope unclear',
];
const COMPETITORS = ['Salesforce', 'HubSpot', 'Pipedrive', 'Zoho'];
// Deliberately plain texts: the signals live in the explicit lists, so the hidden process
// (not the text extractor's vocabulary) decides what the model sees.
const ACTIVITY_TEXT: readonly (readonly [DealActivityType, string])[] = [
  ['call', 'Call with the account team'],
  ['email', 'Sent recap email'],
  ['meeting', 'Working session on requirements'],
  ['demo', 'Product walkthrough'],
  ['proposal', 'Shared pricing document'],
  ['note', 'Internal note on account plan'],
];
const STAGE_SHARE = [0.3, 0.3, 0.22, 0.18];

export interface SyntheticDeal extends ClosedDeal {
  /** The hidden true win probability (for checking calibration in tests). */
  trueProbability: number;
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

/** `count` closed deals ending before `end`, generated from `seed` by the process above. */
export function syntheticClosedDeals(count: number, seed: number, end: Date): SyntheticDeal[] {
  const rand = seededRandom(seed);
  const deals: SyntheticDeal[] = [];
  for (let i = 0; i < count; i++) {
    let u = rand();
    let s = 0;
    while (s < STAGE_SHARE.length - 1 && u > STAGE_SHARE[s]!) u -= STAGE_SHARE[s++]!;
    const stage = OPEN_STAGES[s]!;
    const q = gaussian(rand);
    const positives = Math.min(6, poisson(rand, Math.exp(0.2 + 0.45 * q + 0.15 * s)));
    const risks = Math.min(6, poisson(rand, Math.exp(0.1 - 0.45 * q)));
    const competitor = rand() < 0.3;
    const inactive = Math.min(90, -Math.log(Math.max(rand(), 1e-9)) * 12 * Math.exp(-0.3 * q));
    const slip = rand() < 0.35 ? Math.floor(-Math.log(Math.max(rand(), 1e-9)) * 20) : 0;
    const value = Math.round(25_000 * Math.exp(0.9 * gaussian(rand)));

    const stageRate = TRUE_STAGE_RATE[stage];
    const logit =
      Math.log(stageRate / (1 - stageRate)) +
      TRUE_EFFECTS.perNetSignal * (positives - risks) +
      (competitor ? TRUE_EFFECTS.competitor : 0) +
      TRUE_EFFECTS.perInactiveDay * inactive +
      TRUE_EFFECTS.perSlipDay * slip +
      TRUE_EFFECTS.hidden * q;
    const trueProbability = 1 / (1 + Math.exp(-logit));
    const won = rand() < trueProbability;

    const closedAt = end.getTime() - Math.floor(rand() * 365) * DAY_MS;
    const age = 20 + Math.floor(rand() * 150);
    const created = closedAt - age * DAY_MS;
    const lastActivity = Math.max(created, closedAt - inactive * DAY_MS);
    const activityCount = 1 + s + poisson(rand, 2 + s);
    const activities: DealActivityInput[] = [];
    for (let a = 0; a < activityCount; a++) {
      // The last one lands exactly on `lastActivity`; the others spread over the deal's life.
      const at = a === 0 ? lastActivity : created + rand() * (lastActivity - created);
      const [type, description] = pick(rand, ACTIVITY_TEXT);
      activities.push({ type, date: new Date(at).toISOString(), description });
    }
    // Slipped deals were due `slip` days before closing; the others closed on or before the date.
    const expectedClose = closedAt + (slip > 0 ? -slip : Math.floor(rand() * 30)) * DAY_MS;
    deals.push({
      deal: {
        stage,
        activities,
        positiveSignals: POSITIVE.slice(0, positives),
        riskFactors: RISKS.slice(0, risks),
        ...(competitor ? { competitorMentioned: pick(rand, COMPETITORS) } : {}),
        value,
        createdDate: new Date(created).toISOString(),
        expectedCloseDate: new Date(expectedClose).toISOString().slice(0, 10),
      },
      closedAt: new Date(closedAt).toISOString(),
      won,
      trueProbability,
    });
  }
  return deals;
}
