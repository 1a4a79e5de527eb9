import type { ScoreFactor } from '@flow/contracts';
import type { DealInput, DealSignals } from './features';
import { balanceRisks, daysInactive, pastActivities, slippageDays } from './features';
import { STAGE_PRIOR, stageLabel, type OpenDealStage } from './stages';
import { DAY_MS, plural, signed, toMs } from './util';

/** One explained step of the rule score: a factor plus the sentence the reasoning shows. */
export interface Contribution {
  factor: ScoreFactor;
  sentence: string;
}

export function contribution(name: string, impact: number, text: string): Contribution {
  const description = text.charAt(0).toUpperCase() + text.slice(1);
  return { factor: { name, impact, description }, sentence: `${signed(impact)}: ${text}` };
}

// The rule weights. API.md's starting rule is +10 / −15 / −10; these grade the signal balance by
// how lopsided it is, and add the two facts the original ignored (silence and a slipping date).
export const RULES = {
  perNetPositive: 4,
  maxPositive: 16,
  riskBase: 5,
  perNetRisk: 5,
  maxRisk: 25,
  competitor: -10,
  quietAfterDays: 7,
  perQuietDay: 0.7,
  maxQuiet: 25,
  unknownActivity: -5,
  slipBase: 5,
  perSlipDay: 0.5,
  maxSlip: 20,
  momentum: 5,
} as const;

/** The adjustments to an open deal's stage prior, each explained. */
export function ruleContributions(
  deal: Pick<DealInput, 'activities' | 'createdDate' | 'expectedCloseDate'> & {
    stage: OpenDealStage;
  },
  signals: DealSignals,
  now: Date,
): Contribution[] {
  const prior = STAGE_PRIOR[deal.stage];
  const out = [
    {
      factor: { name: 'stage', impact: prior, description: `Stage prior: ${prior}%` },
      sentence: `Stage ${stageLabel(deal.stage)} starts at ${prior}%`,
    },
  ];

  const pos = signals.positiveSignals.length;
  const risk = balanceRisks(signals).length;
  if (pos > risk) {
    const impact = Math.min(RULES.maxPositive, RULES.perNetPositive * (pos - risk));
    out.push(
      contribution('signals', impact, `positive signals outnumber risks (${pos} vs ${risk})`),
    );
  } else if (risk > pos) {
    const impact = -Math.min(RULES.maxRisk, RULES.riskBase + RULES.perNetRisk * (risk - pos));
    out.push(
      contribution('signals', impact, `risks outnumber positive signals (${risk} vs ${pos})`),
    );
  } else if (pos > 0) {
    out.push(contribution('signals', 0, `positive signals and risks are balanced (${pos} each)`));
  }

  if (signals.competitor) {
    out.push(
      contribution('competitor', RULES.competitor, `competitor ${signals.competitor} mentioned`),
    );
  }

  const quiet = daysInactive(deal, now);
  if (quiet === undefined) {
    out.push(contribution('inactivity', RULES.unknownActivity, 'no activity recorded yet'));
  } else if (quiet > RULES.quietAfterDays) {
    const days = Math.floor(quiet);
    const impact = -Math.min(
      RULES.maxQuiet,
      Math.round(RULES.perQuietDay * (quiet - RULES.quietAfterDays)),
    );
    if (impact < 0) {
      out.push(contribution('inactivity', impact, `no activity for ${plural(days, 'day')}`));
    }
  }

  const recent = pastActivities(deal.activities, now).filter(
    (a) => now.getTime() - toMs(a.date) <= 7 * DAY_MS,
  ).length;
  if (recent >= 2) {
    out.push(contribution('momentum', RULES.momentum, `${recent} activities in the last 7 days`));
  }

  const slip = slippageDays(deal.expectedCloseDate, now);
  if (slip > 0) {
    const days = Math.ceil(slip); // calendar days since the due day ended
    const impact = -Math.min(RULES.maxSlip, RULES.slipBase + Math.round(RULES.perSlipDay * slip));
    out.push(
      contribution(
        'slippage',
        impact,
        `expected close date passed ${plural(days, 'day')} ago while the deal is still open`,
      ),
    );
  }
  return out;
}
