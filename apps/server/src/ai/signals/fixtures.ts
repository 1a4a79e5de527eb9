/**
 * Signal fixtures: one text and the signals it must (and must not) produce. `competitor` is the
 * expected competitor name; absent means none may be reported.
 */
export interface SignalFixture {
  text: string;
  risks?: string[];
  positives?: string[];
  competitor?: string;
  /** Labels that must not appear (negations, look-alikes). */
  not?: string[];
}

export const SIGNAL_FIXTURES: readonly SignalFixture[] = [
  // budget
  { text: 'They raised budget concerns on the call.', risks: ['Budget concerns'] },
  { text: 'The CFO said the price is too high for this year.', risks: ['Budget concerns'] },
  {
    text: 'Our budget was cut by 30% after the reorg.',
    risks: ['Budget concerns', 'Champion at risk'],
  },
  { text: 'No budget concerns at all, they have funds set aside.', not: ['Budget concerns'] },
  { text: "Budget isn't an issue for them.", not: ['Budget concerns'] },
  { text: 'Budget concerns were resolved after the CFO call.', not: ['Budget concerns'] },
  {
    text: 'Good news: the budget has been approved for Q2.',
    positives: ['Budget approved'],
    not: ['Budget concerns'],
  },
  // competitors
  {
    text: "They're also talking to Salesforce.",
    risks: ['Competitor evaluated: Salesforce'],
    competitor: 'Salesforce',
  },
  {
    text: 'Comparing us with HubSpot on reporting.',
    risks: ['Competitor evaluated: HubSpot'],
    competitor: 'HubSpot',
  },
  {
    text: 'Pipedrive offered them 20% off the first year.',
    risks: ['Competitor evaluated: Pipedrive'],
    competitor: 'Pipedrive',
  },
  {
    text: 'Brightfunnel offered a cheaper annual plan.',
    risks: ['Competitor evaluated: Brightfunnel'],
    competitor: 'Brightfunnel',
  },
  {
    text: 'They got a quote from Acme CRM last week.',
    risks: ['Competitor evaluated: Acme CRM'],
    competitor: 'Acme CRM',
  },
  {
    text: 'We are evaluating Zoho and Freshsales as alternatives.',
    risks: ['Competitor evaluated: Zoho CRM', 'Competitor evaluated: Freshsales'],
    competitor: 'Zoho CRM',
  },
  {
    text: 'We decided against HubSpot after the trial.',
    positives: ['Competitor ruled out: HubSpot'],
    not: ['Competitor evaluated: HubSpot'],
  },
  {
    text: "We're not considering Salesforce anymore.",
    positives: ['Competitor ruled out: Salesforce'],
    not: ['Competitor evaluated: Salesforce'],
  },
  {
    text: 'They are migrating away from Salesforce because it is too complex.',
    positives: ['Replacing incumbent: Salesforce'],
    not: ['Competitor evaluated: Salesforce'],
  },
  {
    text: 'Do you have a native integration with HubSpot?',
    not: ['Competitor evaluated: HubSpot'],
  },
  {
    text: 'We need to sync contacts from Salesforce every night.',
    not: ['Competitor evaluated: Salesforce'],
  },
  { text: 'I am also talking to our CFO about timing.', not: ['Competitor evaluated: CFO'] },
  {
    text: 'Looking at options like Monday.com and Attio.',
    risks: ['Competitor evaluated: monday.com', 'Competitor evaluated: Attio'],
    competitor: 'monday.com',
  },
  // legal, security, procurement
  { text: 'The contract is with legal for review.', risks: ['Legal review pending'] },
  { text: 'Their legal team is reviewing the MSA redlines.', risks: ['Legal review pending'] },
  {
    text: 'Legal has signed off on the contract.',
    positives: ['Legal approved'],
    not: ['Legal review pending'],
  },
  {
    text: 'They sent over a security questionnaire with 120 questions.',
    risks: ['Security review requested'],
  },
  {
    text: 'IT requested our SOC 2 report before moving forward.',
    risks: ['Security review requested'],
  },
  { text: 'We passed their security review yesterday.', positives: ['Security review passed'] },
  {
    text: 'Procurement is slow, they expect a 6-week vendor onboarding.',
    risks: ['Procurement delay'],
  },
  { text: 'Still waiting on the PO from their finance team.', risks: ['Procurement delay'] },
  // silence, delays, stakeholders
  { text: "Sarah hasn't responded to my last three emails.", risks: ['Going silent'] },
  { text: 'The prospect went dark after the demo.', risks: ['Going silent'] },
  { text: 'No-show for the scheduled call again.', risks: ['Going silent'] },
  { text: 'They pushed back the decision to next quarter.', risks: ['Decision delayed'] },
  { text: 'The project is on hold until the new VP starts.', risks: ['Decision delayed'] },
  {
    text: 'Our champion left the company last month.',
    risks: ['Champion at risk'],
    not: ['Champion identified'],
  },
  {
    text: "I'm not the decision maker, I need sign-off from my boss.",
    risks: ['Decision maker not engaged'],
  },
  {
    text: "Their tool doesn't support multi-currency, which is a dealbreaker.",
    risks: ['Feature gap'],
  },
  { text: 'They might not renew if the sync keeps failing.', risks: ['Cancellation risk'] },
  // positives
  {
    text: 'Their CFO joined the call and asked about payment terms.',
    positives: ['Decision maker engaged'],
  },
  {
    text: 'Met with their VP of Sales, who is very interested.',
    positives: ['Decision maker engaged', 'Strong engagement'],
  },
  { text: 'We agreed on a go-live date of June 1.', positives: ['Timeline agreed'] },
  { text: 'They plan to sign by end of month.', positives: ['Timeline agreed'] },
  { text: 'The pricing was accepted without changes.', positives: ['Pricing accepted'] },
  { text: 'They are happy with the proposal and the discount.', positives: ['Pricing accepted'] },
  {
    text: 'Maria is our internal champion and is pushing this internally.',
    positives: ['Champion identified'],
  },
  { text: "They're ready to sign once legal approves.", positives: ['Verbal commitment'] },
  { text: 'The team loved the demo and requested a proposal.', positives: ['Strong engagement'] },
  {
    text: 'Booked a follow-up call for Thursday with the whole team.',
    positives: ['Next step scheduled'],
  },
  // neutral
  { text: 'Sent the weekly newsletter.', risks: [], positives: [] },
  { text: 'Discussed onboarding plans and data import formats.', risks: [], positives: [] },
];
