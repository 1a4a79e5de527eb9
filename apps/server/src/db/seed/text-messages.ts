import type { Level, Sentiment, TemplateCategory } from '../schema';

// Phrase pools for conversations and templates. Placeholders as in text.ts; templates use the
// app's own {{variable}} syntax.

export type BusinessIntent =
  'inquiry' | 'complaint' | 'support' | 'purchase' | 'follow-up' | 'other';

export interface OutboundTemplate {
  subject: string;
  content: string;
}

/** What the sales rep writes. */
export const OUTBOUND: readonly OutboundTemplate[] = [
  {
    subject: 'Quick intro from Flow',
    content:
      'Hi {first}, I lead accounts for teams like {company}. Would a 20-minute call next week make sense to see if {product} fits?',
  },
  {
    subject: 'Following up',
    content:
      'Hi {first}, just following up on my last note. Happy to share a short recording of the demo if that is easier.',
  },
  {
    subject: 'Proposal attached',
    content:
      'Hi {first}, attached is the proposal for {product} with the annual pricing we discussed. Let me know if anything needs adjusting.',
  },
  {
    subject: 'Times for next week',
    content:
      'Hi {first}, could we meet on {day}? I can do 10:00 or 14:30 your time. I will bring the onboarding plan.',
  },
  {
    subject: 'Re: your questions',
    content:
      'Thanks {first}! SSO is included in every plan and data stays in the region you choose. I have looped in our solutions engineer.',
  },
  {
    subject: 'Recovery plan',
    content:
      'Hi {first}, I am sorry about the import issues. Our team fixed the root cause; here is the recovery plan with dates.',
  },
  {
    subject: 'Checking in',
    content:
      'Hi {first}, how is the rollout going? Anything blocking the team that I can help with?',
  },
  {
    subject: 'Next steps',
    content:
      'Great talking today, {first}. Next steps: security review this week, order form by {day}. Does that still work?',
  },
];

export interface InboundTemplate {
  sentiment: Sentiment;
  content: string;
  topics: readonly string[];
  tone: string;
  urgency: Level;
  intent: BusinessIntent;
  actionItems: readonly string[];
}

/** What the contact writes, with the analysis the engine would attach. */
export const INBOUND: readonly InboundTemplate[] = [
  {
    sentiment: 'positive',
    content:
      'Thanks {owner}, this looks great. The team loved the demo and we would like to move forward with a pilot.',
    topics: ['pilot', 'demo'],
    tone: 'enthusiastic',
    urgency: 'medium',
    intent: 'purchase',
    actionItems: ['Prepare pilot agreement'],
  },
  {
    sentiment: 'positive',
    content: 'Good news: our CFO approved the budget. Can you send the order form by {day}?',
    topics: ['budget', 'contract'],
    tone: 'confident',
    urgency: 'high',
    intent: 'purchase',
    actionItems: ['Send the order form by {day}'],
  },
  {
    sentiment: 'positive',
    content: 'The timeline works for us. Our VP will join the next call to sign off.',
    topics: ['timeline', 'decision maker'],
    tone: 'appreciative',
    urgency: 'low',
    intent: 'follow-up',
    actionItems: ['Invite the VP to the next call'],
  },
  {
    sentiment: 'positive',
    content: 'Adoption has been excellent so far — thank you for the quick help last week!',
    topics: ['adoption', 'support'],
    tone: 'grateful',
    urgency: 'low',
    intent: 'other',
    actionItems: [],
  },
  {
    sentiment: 'positive',
    content:
      'We would love to add the analytics add-on for the finance team. What would that cost?',
    topics: ['expansion', 'pricing'],
    tone: 'interested',
    urgency: 'medium',
    intent: 'purchase',
    actionItems: ['Send analytics add-on quote'],
  },
  {
    sentiment: 'neutral',
    content: 'Could you clarify how pricing works past 50 seats? We are planning next year now.',
    topics: ['pricing', 'planning'],
    tone: 'inquisitive',
    urgency: 'medium',
    intent: 'inquiry',
    actionItems: ['Explain volume pricing'],
  },
  {
    sentiment: 'neutral',
    content: 'I am out until {day}. Let us pick this up when I am back.',
    topics: ['availability'],
    tone: 'matter-of-fact',
    urgency: 'low',
    intent: 'follow-up',
    actionItems: ['Follow up after {day}'],
  },
  {
    sentiment: 'neutral',
    content:
      'Received the proposal. Legal needs to review the data processing terms before we can comment.',
    topics: ['proposal', 'legal review'],
    tone: 'formal',
    urgency: 'medium',
    intent: 'follow-up',
    actionItems: ['Send the DPA to legal'],
  },
  {
    sentiment: 'neutral',
    content: 'Do you support SSO with Okta and exporting reports to CSV?',
    topics: ['sso', 'reporting'],
    tone: 'inquisitive',
    urgency: 'low',
    intent: 'inquiry',
    actionItems: ['Answer SSO and export questions'],
  },
  {
    sentiment: 'neutral',
    content: 'Can we move our call to later in the week? Something came up on our side.',
    topics: ['scheduling'],
    tone: 'polite',
    urgency: 'medium',
    intent: 'follow-up',
    actionItems: ['Reschedule the call'],
  },
  {
    sentiment: 'negative',
    content:
      'Honestly the price is higher than we expected, and {competitor} has offered us a steep discount.',
    topics: ['pricing', 'competitor'],
    tone: 'skeptical',
    urgency: 'high',
    intent: 'complaint',
    actionItems: ['Prepare a pricing response'],
  },
  {
    sentiment: 'negative',
    content: 'We have a budget freeze until next quarter, so we need to pause the project for now.',
    topics: ['budget', 'timeline'],
    tone: 'apologetic',
    urgency: 'medium',
    intent: 'other',
    actionItems: ['Propose a phased start next quarter'],
  },
  {
    sentiment: 'negative',
    content:
      'The import failed again this morning. This is the second time and the team is frustrated — we need a fix asap.',
    topics: ['import', 'support'],
    tone: 'frustrated',
    urgency: 'high',
    intent: 'complaint',
    actionItems: ['Escalate the import failure today'],
  },
  {
    sentiment: 'negative',
    content:
      'We have not heard back about the reporting issue in a week. Not happy with the response times.',
    topics: ['support', 'reporting'],
    tone: 'disappointed',
    urgency: 'high',
    intent: 'support',
    actionItems: ['Reply with a status on the reporting issue'],
  },
  {
    sentiment: 'negative',
    content: 'Our leadership is evaluating a competitor before renewing. I will keep you posted.',
    topics: ['renewal', 'competitor'],
    tone: 'guarded',
    urgency: 'medium',
    intent: 'other',
    actionItems: ['Book an executive review before renewal'],
  },
];

export const SUGGESTED_RESPONSES: Record<BusinessIntent, string> = {
  inquiry: 'Answer the question directly and offer a short call to go deeper.',
  complaint: 'Acknowledge the problem, give a concrete fix with a date, and follow up personally.',
  support: 'Share the ticket status and the name of the engineer on it.',
  purchase: 'Confirm next steps and send the paperwork the same day.',
  'follow-up': 'Confirm the plan and propose a specific date for the next touchpoint.',
  other: 'Thank them and keep the conversation warm with a relevant resource.',
};

export const RESPONSE_TIMES: Record<Level, string> = {
  high: 'Within 2 hours',
  medium: 'Within 24 hours',
  low: 'Within 3 days',
};

export interface TemplateText {
  name: string;
  category: TemplateCategory;
  content: string;
}

export const SYSTEM_TEMPLATES: readonly TemplateText[] = [
  {
    name: 'Follow-up after a meeting',
    category: 'follow-up',
    content:
      'Hi {{firstName}},\n\nThank you for your time today. Here is a summary of what we discussed and the next steps for {{company}}:\n\n{{nextSteps}}\n\nBest regards,\n{{senderName}}',
  },
  {
    name: 'Meeting request',
    category: 'meeting',
    content:
      'Hi {{firstName}},\n\nWould you have 30 minutes on {{proposedDate}} to walk through how {{company}} could use Flow? Happy to adapt to your calendar.\n\n{{senderName}}',
  },
  {
    name: 'Proposal cover note',
    category: 'proposal',
    content:
      'Hi {{firstName}},\n\nPlease find attached our proposal for {{company}}. It covers scope, timeline and pricing. I am glad to review it together.\n\n{{senderName}}',
  },
  {
    name: 'Support acknowledgement',
    category: 'support',
    content:
      'Hi {{firstName}},\n\nThanks for flagging this. Our team is on it and I will update you by {{updateTime}}.\n\n{{senderName}}',
  },
  {
    name: 'Warm introduction',
    category: 'introduction',
    content:
      'Hi {{firstName}},\n\n{{referrer}} suggested I reach out. We help teams like {{company}} run a calmer, more predictable pipeline. Open to a short call?\n\n{{senderName}}',
  },
  {
    name: 'Quarterly check-in',
    category: 'other',
    content:
      'Hi {{firstName}},\n\nIt has been a quarter since we started working together. How is everything going at {{company}}?\n\n{{senderName}}',
  },
];

export const PERSONAL_TEMPLATES: readonly TemplateText[] = [
  {
    name: 'My quick nudge',
    category: 'follow-up',
    content:
      'Hi {{firstName}}, just bumping this to the top of your inbox — any thoughts on the proposal?',
  },
  {
    name: 'Renewal heads-up',
    category: 'other',
    content:
      'Hi {{firstName}}, your renewal for {{company}} comes up on {{renewalDate}}. Shall we review usage beforehand?',
  },
];

/** The {{variables}} a template uses, in order of first appearance. */
export function templateVariables(content: string): string[] {
  return [...new Set([...content.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? ''))];
}
