import type { DealStage } from '@flow/contracts';

/** API.md §6: the probability each stage starts from; closed stages are final. */
export const STAGE_PRIOR: Readonly<Record<DealStage, number>> = {
  prospect: 20,
  qualified: 40,
  proposal: 65,
  negotiation: 85,
  'closed-won': 100,
  'closed-lost': 0,
};

export const OPEN_STAGES = ['prospect', 'qualified', 'proposal', 'negotiation'] as const;
export type OpenDealStage = (typeof OPEN_STAGES)[number];

export function isOpenStage(stage: DealStage): stage is OpenDealStage {
  return stage !== 'closed-won' && stage !== 'closed-lost';
}

const LABEL: Readonly<Record<DealStage, string>> = {
  prospect: 'Prospect',
  qualified: 'Qualified',
  proposal: 'Proposal',
  negotiation: 'Negotiation',
  'closed-won': 'Closed won',
  'closed-lost': 'Closed lost',
};

export function stageLabel(stage: DealStage): string {
  return LABEL[stage];
}

/** The stage after `stage` in the pipeline, for suggestions; undefined for the last open one. */
export function nextStage(stage: OpenDealStage): OpenDealStage | undefined {
  return OPEN_STAGES[OPEN_STAGES.indexOf(stage) + 1];
}
