/**
 * Messages whose labels depend on the conversation before them: repeated unanswered messages,
 * replies in an ongoing thread. Built from compact specs to stay readable.
 */
import type { BusinessIntent, Urgency } from '@flow/contracts';
import type { HistoryMessage } from '../urgency';
import type { LabelledMessage } from './format';
import { hoursAgo } from './format';

type Turn = [from: 'user' | 'contact', hoursBefore: number, content: string];

function thread(
  intent: BusinessIntent,
  urgency: Urgency,
  turns: Turn[],
  content: string,
): LabelledMessage {
  const history: HistoryMessage[] = turns.map(([senderType, h, text]) => ({
    senderType,
    content: text,
    timestamp: hoursAgo(h),
  }));
  return { set: 'threads', intent, urgency, content, history };
}

const asked = (h: number, text: string): Turn => ['contact', h, text];
const we = (h: number, text: string): Turn => ['user', h, text];

export const THREADS: LabelledMessage[] = [
  thread(
    'follow-up',
    'high',
    [
      asked(96, 'Can you send the updated quote with 20 seats?'),
      asked(48, 'Hi, any news on the quote?'),
    ],
    'Hello? Still waiting on that quote.',
  ),
  thread(
    'follow-up',
    'high',
    [asked(72, 'Could you confirm the onboarding date?')],
    'Following up again on the onboarding date, we need to plan the training.',
  ),
  thread(
    'follow-up',
    'medium',
    [
      we(30, 'Here is the proposal, let me know your thoughts.'),
      asked(20, 'Thanks, reviewing now.'),
    ],
    'Checking in: our CFO asked whether the price includes implementation.',
  ),
  thread(
    'complaint',
    'critical',
    [
      asked(120, 'Our dashboards are broken.'),
      asked(72, 'Any update on the dashboards?'),
      asked(24, 'This is the third time I am asking.'),
    ],
    'Nobody has replied in five days. I want to speak to your manager about this today.',
  ),
  thread(
    'follow-up',
    'high',
    [asked(50, 'Can you send the W-9 form? Our vendor setup needs it.')],
    'Just bumping this, finance needs the W-9 by tomorrow.',
  ),
  thread(
    'inquiry',
    'medium',
    [we(4, 'Happy to help, what would you like to know?')],
    'Does the Growth plan include the forecasting module, or is that Enterprise only?',
  ),
  thread(
    'purchase',
    'high',
    [
      we(24, 'Attached is the final quote for 40 seats.'),
      asked(5, 'Looks good, checking with finance.'),
    ],
    'Finance approved it. Please send the contract today so we can sign before the quarter ends.',
  ),
  thread(
    'other',
    'low',
    [we(3, 'Does Thursday 3pm work for the kickoff?')],
    'Thursday 3pm works, see you then!',
  ),
  thread(
    'support',
    'high',
    [asked(26, 'The Outlook add-in is not loading for me.')],
    'Still not working today and I have 10 client emails to log. Can someone help?',
  ),
  thread(
    'follow-up',
    'medium',
    [we(200, 'Great speaking today, I will send the proposal.'), asked(150, 'Thanks!')],
    'Hi, just checking whether the proposal is still coming this week?',
  ),
  thread(
    'complaint',
    'high',
    [
      asked(100, 'We were charged for 50 seats but only use 35.'),
      asked(50, 'Following up on the billing issue.'),
    ],
    'Still no answer about the overcharge. This is really disappointing.',
  ),
  thread(
    'other',
    'low',
    [we(2, 'Here is the summary of our call and next steps.')],
    'Thank you, this is very helpful.',
  ),
  thread(
    'inquiry',
    'medium',
    [we(48, 'Let me know if you have any other questions about the pilot.')],
    'One more question: can the pilot run with only the sales team, without IT involvement?',
  ),
  thread(
    'follow-up',
    'high',
    [
      asked(168, 'Could you send the SOC 2 report?'),
      asked(96, 'Any update on the SOC 2 report?'),
      asked(30, 'Following up on the SOC 2 report.'),
    ],
    'Checking in once more on the SOC 2 report, our security review is blocked without it.',
  ),
  thread(
    'purchase',
    'medium',
    [we(72, 'Here is the proposal for the annual plan.')],
    'We would like to go ahead with the annual plan. What do you need from us to get started?',
  ),
  thread(
    'support',
    'medium',
    [we(6, 'Could you try clearing the cache and logging in again?')],
    'That did not help, the import button is still greyed out. Any other ideas?',
  ),
  thread(
    'complaint',
    'critical',
    [asked(48, 'Your system sent our customers duplicate invoices.')],
    'Our customers are furious and nobody has called me back. If this is not fixed today we will cancel our subscription.',
  ),
  thread('other', 'low', [we(1, 'Just sent the invite for Monday.')], 'Got it, thanks!'),
  thread(
    'follow-up',
    'medium',
    [
      we(96, 'Sharing the pricing options we discussed.'),
      asked(90, 'Thanks, will review with the team.'),
    ],
    'Quick follow-up from our side: we are still reviewing and should have feedback next week.',
  ),
  thread(
    'inquiry',
    'high',
    [we(20, 'The demo environment is ready for you.')],
    'Thanks! Can you send the login details before our team session tomorrow morning?',
  ),
  thread(
    'support',
    'critical',
    [asked(3, 'None of our users can send emails from the app.')],
    'It has been 3 hours and emails are still failing for the whole company. We are losing deals, please escalate immediately.',
  ),
  thread(
    'follow-up',
    'medium',
    [asked(80, 'Could you share a reference customer in healthcare?')],
    'Hi again, any luck finding a healthcare reference for us?',
  ),
  thread(
    'other',
    'low',
    [we(10, 'I have attached the onboarding checklist.')],
    'Received, I will go through it with the team next week.',
  ),
  thread(
    'complaint',
    'high',
    [we(48, 'Apologies, the fix will ship on Monday.')],
    'Monday came and went and the bug is still there. This is not acceptable, please give me a real date.',
  ),
  thread(
    'purchase',
    'high',
    [asked(30, 'We want to add the support team, 12 more seats.')],
    'Following up on adding the 12 seats: they start on Monday, so we need the licenses by Friday.',
  ),
];
