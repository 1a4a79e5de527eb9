/**
 * The first held-out set. It was written after tuning on the other sets and scored once (intent
 * 63%, urgency 82%); its misses then drove a round of broader vocabulary, so it is now part of
 * the tuning data. holdout.ts is the untouched one.
 */
import { parseLines } from './format';

export const REVIEW = parseLines(
  'review',
  String.raw`
inquiry | medium | Hello, we run a small real estate brokerage. Would your CRM work for tracking property viewings as deals?
inquiry | medium | Can I connect my Zapier account to push new leads from Typeform into Flow?
inquiry | high | Our procurement portal closes the vendor intake tomorrow. Can you send your W-9 and insurance certificate today?
inquiry | medium | What does onboarding look like for a team of 60, and who runs the training sessions?
inquiry | low | Not in a hurry, but I'd love to see a sample of the weekly pipeline report when you have a moment.
inquiry | medium | Is there a limit on how many custom pipelines we can create on the Growth plan?
inquiry | medium | Do you have customers in the insurance space we could talk to?
purchase | medium | Finance signed off on the spend. Send me the paperwork and I'll get it countersigned.
purchase | high | We need the extra 20 seats activated before Monday's sales kickoff, please send the invoice asap.
purchase | medium | We're moving ahead with the two-year agreement. Can you update the order form to reflect the multi-year discount?
purchase | medium | Please add the analytics add-on to our subscription starting next month.
follow-up | medium | Hi Ben, circling back on the pilot results you were going to share. Anything yet?
follow-up | high | Second email about this: I still need the signed NDA back by tomorrow or legal will pause the evaluation.
follow-up | medium | Did you get a chance to ask your product team about the Outlook add-in timeline?
follow-up | low | Just closing the loop: we got everything we needed from your team, thanks. Nothing else for now.
follow-up | medium | Per my voicemail, I'd like to reschedule our review. Are you free Thursday or Friday afternoon?
support | medium | When I filter the deals list by owner, the totals at the bottom don't update. Am I doing something wrong?
support | high | None of our reps can see the new leads that came in overnight. We have calls starting at 9, please look into it now.
support | medium | How can I restore a contact I deleted by mistake yesterday?
support | medium | The email templates lose their formatting when I paste from Word. Is there a workaround?
support | critical | Every user in our org got logged out and the login page returns an error. We are completely unable to work.
support | medium | Our calendar invites show the wrong time zone for meetings booked from the app.
support | low | Not urgent: the dark mode toggle doesn't remember my setting between sessions.
complaint | high | I'm extremely disappointed. We were promised the migration would take a week and we're now in week four.
complaint | critical | Unless someone senior calls me today, we're terminating the contract and disputing the last invoice with our bank.
complaint | medium | The support agent was polite but clearly didn't understand our setup. Not a great experience.
complaint | high | Our account manager hasn't answered a single email this month. Frankly it's embarrassing for a vendor at this price.
complaint | medium | We keep getting charged for users we deactivated months ago. Please sort out the billing.
other | low | Thanks Anna, have a great weekend!
other | low | Sounds good, I'll see you at the workshop on the 20th.
other | low | I'm handing this account over to my colleague Priya, who will be your main contact from now on.
other | low | Loved the webinar yesterday, great insights on forecasting.
inquiry | medium | Before we renew, could you explain what changed in the pricing for the Enterprise tier this year?
support | high | The export to our BI tool has failed three nights in a row and the board deck is due Friday.
follow-up | medium | Touching base on the security review — has your team filled in the questionnaire we sent?
purchase | low | Heads up that we'll likely add the marketing team next quarter; no action needed yet.
complaint | high | Why did nobody warn us about the price increase? This is the second surprise on our invoice this year.
other | low | Noted, thanks for the heads-up about the maintenance window.
`,
);
