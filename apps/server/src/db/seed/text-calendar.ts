import type { EventType } from '../schema';

// Phrase pools for calendar events, meeting preparation and outcomes. Placeholders as in text.ts.

export const EVENT_TITLES: Record<EventType, readonly string[]> = {
  meeting: [
    'Meeting with {name} ({company})',
    '{company} quarterly business review',
    'Proposal review with {first}',
  ],
  call: ['Check-in call with {first}', 'Pricing call: {company}', 'Discovery call with {name}'],
  demo: ['{product} demo for {company}', 'Technical deep-dive with {company} IT'],
  'follow-up': ['Follow-up with {first}', 'Next steps with {company}'],
  internal: ['Pipeline review', 'Forecast sync', 'Deal desk review', 'Sales team standup'],
  personal: ['Dentist appointment', 'Gym', 'School pickup'],
};

export const DURATION_MINUTES: Record<EventType, number> = {
  meeting: 60,
  call: 30,
  demo: 45,
  'follow-up': 30,
  internal: 30,
  personal: 60,
};

export const TALKING_POINTS: Record<EventType, readonly string[]> = {
  meeting: [
    'Confirm goals and success criteria',
    'Review open questions from the last conversation',
    'Agree on the next step and a date',
  ],
  call: [
    'Check how the team is getting on',
    'Ask about timeline and budget',
    'Confirm who else should be involved',
  ],
  demo: [
    'Show pipeline and forecasting on their data',
    'Tailor the story to {company}',
    'Leave 10 minutes for questions',
  ],
  'follow-up': [
    'Recap decisions from the last meeting',
    'Confirm owners and dates',
    'Remove the next blocker',
  ],
  internal: ['Deals slipping this month', 'Forecast changes since last week'],
  personal: [],
};

export const DOCUMENTS: Record<EventType, readonly string[]> = {
  meeting: ['Mutual action plan', 'Customer reference sheet'],
  call: ['Pricing one-pager'],
  demo: ['Product overview deck', 'Security whitepaper'],
  'follow-up': ['Meeting notes', 'Proposal PDF'],
  internal: [],
  personal: [],
};

export interface OutcomeText {
  summary: string;
  nextSteps: readonly string[];
  decisions: readonly string[];
  /** Rough tone: sentiment score and rating are drawn around it. */
  score: number;
}

export const OUTCOMES: readonly OutcomeText[] = [
  {
    summary: 'Productive session: {first} confirmed the use case and wants a proposal by {day}.',
    nextSteps: ['Send proposal', 'Book a technical review'],
    decisions: ['Pilot with the sales team first'],
    score: 70,
  },
  {
    summary: 'The decision maker joined; timeline agreed for a start next quarter.',
    nextSteps: ['Send order form', 'Plan onboarding'],
    decisions: ['Go-live next quarter', 'Annual billing'],
    score: 85,
  },
  {
    summary: 'Useful but cautious: {first} needs buy-in from finance before moving on.',
    nextSteps: ['Share ROI calculator', 'Offer a call with their CFO'],
    decisions: [],
    score: 20,
  },
  {
    summary: '{first} raised pricing concerns and compared us with {competitor}.',
    nextSteps: ['Prepare a competitive comparison', 'Review discount options'],
    decisions: [],
    score: -30,
  },
  {
    summary: 'Tough meeting: budget freeze means the project is on hold for now.',
    nextSteps: ['Check back in six weeks'],
    decisions: ['Project paused'],
    score: -55,
  },
];

export const COMPETITOR_INTEL =
  '{competitor} usually leads on price; stress time-to-value, support quality and the forecasting accuracy.';
