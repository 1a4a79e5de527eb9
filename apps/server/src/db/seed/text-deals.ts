import type { DealActivityType } from '../schema';

// Phrase pools for deals: titles and activity histories whose signals feed probability.
// Placeholders as in text.ts.

export const DEAL_TITLES = [
  '{company} — {product} rollout',
  '{product} for {company}',
  '{company} annual renewal',
  '{company} expansion: 40 more seats',
  '{company} pilot to production',
  '{company} regional deployment',
] as const;

export interface Signal {
  kind: 'risk' | 'positive';
  label: string;
}

export interface ActivityTemplate {
  type: DealActivityType;
  description: string;
  outcome?: string;
  nextStep?: string;
  signal?: Signal;
  /** The description names {competitor}. */
  competitor?: boolean;
}

const risk = (label: string): Signal => ({ kind: 'risk', label });
const positive = (label: string): Signal => ({ kind: 'positive', label });

/** Activities by phase: a deal's history walks the phases up to its stage. */
export const ACTIVITIES: Record<'early' | 'mid' | 'late', readonly ActivityTemplate[]> = {
  early: [
    {
      type: 'email',
      description: 'Intro email to {first} about {product}.',
      outcome: 'Replied within a day',
      nextStep: 'Book a discovery call',
    },
    {
      type: 'call',
      description: 'Discovery call with {first}: current tools, team size, pain points.',
      outcome: 'Qualified: 35 seats, reporting pain',
      nextStep: 'Schedule a demo',
    },
    {
      type: 'call',
      description: 'Discovery call; {first} says the champion is the head of sales ops.',
      signal: positive('Champion identified'),
      nextStep: 'Loop in the champion',
    },
    {
      type: 'email',
      description: '{first} mentioned they are also evaluating {competitor}.',
      competitor: true,
      nextStep: 'Send comparison sheet',
    },
    {
      type: 'note',
      description: 'No reply to the last two emails.',
      signal: risk('Low engagement'),
    },
    {
      type: 'demo',
      description: 'First demo of {product} for {first} and the sales team.',
      outcome: 'Strong interest in forecasting',
      signal: positive('Strong product fit'),
    },
  ],
  mid: [
    {
      type: 'proposal',
      description: 'Sent proposal for {product} with annual pricing.',
      outcome: 'Under review',
      nextStep: 'Walk through pricing on a call',
    },
    {
      type: 'meeting',
      description: 'Proposal review: the decision maker joined and asked about onboarding.',
      signal: positive('Decision maker joined'),
      nextStep: 'Share onboarding plan',
    },
    {
      type: 'call',
      description: '{first} warned of a budget freeze until the new fiscal year.',
      signal: risk('Budget freeze'),
      nextStep: 'Propose a phased start',
    },
    {
      type: 'email',
      description: 'Pricing pushback: {first} asked for 20% off to match {competitor}.',
      competitor: true,
      signal: risk('Pricing pushback'),
    },
    {
      type: 'demo',
      description: 'Technical deep-dive with their IT team; SSO and API validated.',
      signal: positive('Technical validation passed'),
    },
    {
      type: 'meeting',
      description: 'Security review kickoff with {company} IT.',
      signal: risk('Security review pending'),
      nextStep: 'Send SOC 2 report',
    },
  ],
  late: [
    {
      type: 'call',
      description: 'Timeline agreed: go-live targeted for the start of next quarter.',
      signal: positive('Timeline agreed'),
      nextStep: 'Send order form',
    },
    {
      type: 'email',
      description: 'Contract redlines returned by their legal team.',
      signal: risk('Legal review delays'),
      nextStep: 'Review redlines with our counsel',
    },
    {
      type: 'meeting',
      description: 'Negotiation call; {first} gave a verbal commitment pending signature.',
      signal: positive('Verbal commitment'),
    },
    {
      type: 'note',
      description: 'Our champion {first} is leaving {company} next month.',
      signal: risk('Champion leaving'),
    },
    {
      type: 'call',
      description: 'CFO approved the budget; procurement is preparing the PO.',
      signal: positive('Budget approved'),
      nextStep: 'Confirm PO number',
    },
    {
      type: 'email',
      description: 'Timeline slipped: signature pushed by two weeks for internal approvals.',
      signal: risk('Timeline slipped'),
    },
  ],
};

export const WON_NOTE = 'Contract signed — kickoff scheduled with {first}.';
export const LOST_NOTES = [
  'Lost to {competitor} on price.',
  'Project cancelled after the budget freeze.',
  'No decision: {company} paused all new tooling.',
] as const;
