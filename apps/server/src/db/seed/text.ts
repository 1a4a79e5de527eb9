import type { CommunicationType, Sentiment } from '../schema';

// Sales-flavoured phrase pools for contacts and their history (deals: text-deals.ts; messages:
// text-messages.ts). Placeholders: {first} (contact's first name), {company}, {product},
// {competitor}, {day}, {owner} (the sales rep's first name).

export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => vars[key] ?? whole);
}

export const JOB_TITLES = [
  'VP of Sales',
  'Head of Operations',
  'Chief Technology Officer',
  'Procurement Manager',
  'Director of Marketing',
  'Revenue Operations Lead',
  'IT Director',
  'Chief Financial Officer',
  'Customer Success Manager',
  'Head of Partnerships',
  'Sales Enablement Manager',
  'Founder & CEO',
] as const;

export const PRODUCTS = [
  'Flow Enterprise',
  'Flow Team',
  'Analytics add-on',
  'Onboarding package',
  'Premium support',
  'Data migration service',
] as const;

export const COMPETITORS = ['Salesforce', 'HubSpot', 'Pipedrive', 'Zoho CRM', 'Close'] as const;

export const CONTACT_NOTES = [
  'Prefers short calls before 10am.',
  'Introduced by a partner at the spring conference.',
  'Reports to the CFO; needs ROI numbers for any approval.',
  'Very responsive on email, slow on calls.',
  'Interested in the analytics roadmap.',
  'Previously a customer at another company.',
  'Budget cycle starts in October.',
  'Asked to be kept in the loop on security certifications.',
] as const;

export interface CommunicationTemplate {
  type: CommunicationType;
  sentiment: Sentiment;
  subject: string | null;
  summary: string;
}

export const COMMUNICATIONS: readonly CommunicationTemplate[] = [
  {
    type: 'email',
    sentiment: 'positive',
    subject: 'Re: Implementation timeline',
    summary: '{first} confirmed the rollout timeline and asked for the onboarding checklist.',
  },
  {
    type: 'email',
    sentiment: 'positive',
    subject: 'Thanks for the demo',
    summary: '{first} thanked us for the demo; the team loved the pipeline view and wants a trial.',
  },
  {
    type: 'email',
    sentiment: 'neutral',
    subject: 'Pricing question',
    summary:
      '{first} asked how pricing scales past 50 seats and whether annual billing is discounted.',
  },
  {
    type: 'email',
    sentiment: 'neutral',
    subject: 'Security questionnaire',
    summary: 'Sent the completed security questionnaire to {company} IT for review.',
  },
  {
    type: 'email',
    sentiment: 'negative',
    subject: 'Re: Renewal terms',
    summary:
      '{first} pushed back on the renewal price and mentioned a budget freeze until next quarter.',
  },
  {
    type: 'email',
    sentiment: 'negative',
    subject: 'Support issue escalation',
    summary:
      '{first} is frustrated that the data import has failed twice and wants an update today.',
  },
  {
    type: 'call',
    sentiment: 'positive',
    subject: 'Discovery call',
    summary:
      'Great discovery call: {first} shared their goals for {product} and invited the ops lead to the next session.',
  },
  {
    type: 'call',
    sentiment: 'positive',
    subject: 'Check-in call',
    summary:
      '{first} reported strong adoption across the team and asked about the analytics add-on.',
  },
  {
    type: 'call',
    sentiment: 'neutral',
    subject: 'Follow-up call',
    summary:
      'Walked {first} through the proposal; they need to review internally before committing.',
  },
  {
    type: 'call',
    sentiment: 'negative',
    subject: 'Quarterly review',
    summary: '{first} said {company} is evaluating a competitor because of reporting gaps.',
  },
  {
    type: 'call',
    sentiment: 'negative',
    subject: null,
    summary: 'Left a voicemail; {first} has not returned the last three calls.',
  },
  {
    type: 'meeting',
    sentiment: 'positive',
    subject: 'On-site workshop',
    summary: 'Workshop at {company}: the decision maker joined and agreed on success criteria.',
  },
  {
    type: 'meeting',
    sentiment: 'positive',
    subject: 'Executive sponsor meeting',
    summary: 'Their CFO approved the budget for {product}; legal review starts next week.',
  },
  {
    type: 'meeting',
    sentiment: 'neutral',
    subject: 'Product demo',
    summary:
      'Demoed {product} to {first} and two analysts; questions about SSO and data residency.',
  },
  {
    type: 'meeting',
    sentiment: 'negative',
    subject: 'Escalation meeting',
    summary:
      'Tense meeting about missed onboarding milestones; {first} wants a recovery plan in writing.',
  },
  {
    type: 'note',
    sentiment: 'positive',
    subject: null,
    summary:
      '{first} mentioned on LinkedIn that {company} just closed a funding round — good timing for expansion.',
  },
  {
    type: 'note',
    sentiment: 'neutral',
    subject: null,
    summary: '{first} is out of office until {day}; follow up after that.',
  },
  {
    type: 'note',
    sentiment: 'neutral',
    subject: null,
    summary: 'Org change at {company}: the team now reports to a new VP.',
  },
  {
    type: 'note',
    sentiment: 'negative',
    subject: null,
    summary: 'Heard from a partner that {company} is unhappy with response times.',
  },
];
