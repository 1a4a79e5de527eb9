/** Conversations and templates shared by the compose tests and the bench. */
import type { MessageTemplate } from '@flow/contracts';
import type { SmartComposeInput } from './index';

const template = (
  id: string,
  name: string,
  category: MessageTemplate['category'],
  content: string,
): MessageTemplate => ({
  id,
  ownerId: null,
  name,
  category,
  content,
  variables: [...new Set([...content.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? ''))],
});

export const COMPOSE_TEMPLATES: MessageTemplate[] = [
  template(
    'tpl-follow',
    'Proposal follow-up',
    'follow-up',
    'Hi {{firstName}},\n\nI wanted to follow up on the proposal for {{dealTitle}}. Do you have any questions I can answer?\n\nBest,\n{{senderName}}',
  ),
  template(
    'tpl-meet',
    'Schedule a call',
    'meeting',
    "Hi {{firstName}},\n\nWould you have 30 minutes this week for a call about {{company}}'s goals? Here is my calendar: {{calendarLink}}\n\n{{senderName}}",
  ),
  template(
    'tpl-support',
    'Issue acknowledged',
    'support',
    'Hi {{firstName}},\n\nI am sorry for the trouble. Our support team is on it and I will update you as soon as we have a fix.\n\n{{senderName}}',
  ),
  template(
    'tpl-proposal',
    'Proposal sent',
    'proposal',
    'Hi {{firstName}},\n\nAttached is the proposal for {{dealTitle}} ({{dealValue}}). Happy to walk through the pricing and contract terms.\n\n{{senderName}}',
  ),
  template(
    'tpl-intro',
    'Introduction',
    'introduction',
    'Hello {{firstName}},\n\nI am {{senderName}} from Flow. Teams like {{company}} use us to keep their pipeline clean.',
  ),
  template('tpl-thanks', 'Thank you', 'other', 'Thanks again, {{firstName}}!'),
];

const contact = { name: 'Maria Lopez', company: 'Northwind', title: 'Head of Sales' };
const user = { name: 'Anna Lee' };

export const COMPOSE_INPUTS: SmartComposeInput[] = [
  {
    conversation: {
      subject: 'Pricing',
      messages: [
        {
          senderType: 'user',
          content: 'Hi Maria, great to meet you at the event!',
          timestamp: '2025-03-03T09:00:00Z',
        },
        {
          senderType: 'contact',
          content:
            'Hi Anna, can you send the pricing sheet for the enterprise plan by Friday? Our CFO wants to review it.',
          timestamp: '2025-03-05T10:00:00Z',
        },
      ],
    },
    contact,
    deal: {
      title: 'Northwind expansion',
      stage: 'qualified',
      value: 48000,
      expectedCloseDate: '2025-04-30',
    },
    user,
    templates: COMPOSE_TEMPLATES,
  },
  {
    conversation: {
      messages: [
        {
          senderType: 'contact',
          content:
            'The Gmail sync has been broken since Monday. This is really frustrating, our reps cannot log emails.',
          timestamp: '2025-03-05T08:00:00Z',
        },
      ],
    },
    contact,
    deal: {
      title: 'Northwind renewal',
      stage: 'negotiation',
      value: 30000,
      expectedCloseDate: '2025-03-31',
    },
    user,
    draftContent: "hey Maria, so sorry about this! we're gonna look into it asap",
    templates: COMPOSE_TEMPLATES,
  },
  {
    conversation: {
      subject: 'Proposal',
      messages: [
        {
          senderType: 'contact',
          content: 'Thanks, we will review internally.',
          timestamp: '2025-02-24T10:00:00Z',
        },
        {
          senderType: 'user',
          content:
            'Hi Maria, attached is the proposal for the Northwind expansion. Let me know what you think.',
          timestamp: '2025-02-25T10:00:00Z',
        },
      ],
    },
    contact,
    deal: {
      title: 'Northwind expansion',
      stage: 'proposal',
      value: 48000,
      expectedCloseDate: '2025-04-30',
    },
    user,
    tone: 'formal',
    templates: COMPOSE_TEMPLATES,
  },
  {
    conversation: { messages: [] },
    contact: { name: 'Tom Baker' },
    user,
    draftContent:
      'Dear Tom,\n\nI am writing regarding your interest in our platform. I would like to arrange a demonstration at your earliest convenience.\n\nKind regards,\nAnna Lee',
    templates: COMPOSE_TEMPLATES,
  },
];
