/**
 * Held-out messages, written after all tuning and scored without changing any rule afterwards:
 * their accuracy is the fair estimate of how the rules generalise to new phrasing.
 */
import { parseLines } from './format';

export const HOLDOUT = parseLines(
  'holdout',
  String.raw`
inquiry | medium | We're a dental clinic group with 14 locations. Could Flow track patient referrals from partner practices?
inquiry | medium | What happens to our data if we decide to leave? Can we get a full export?
inquiry | high | I'm presenting vendors to our COO first thing Monday. Could you get me a one-page comparison against our current tool by Friday?
inquiry | medium | Does the Starter plan let us use our own email domain for sequences?
inquiry | low | Whenever it suits you, I'd be interested in hearing how other agencies structure their pipelines in Flow.
inquiry | medium | Are there any limits on API calls per minute? We'd sync around 50k records a day.
inquiry | medium | Hi, I found you through G2. How does your lead scoring differ from a simple points system?
purchase | medium | We've got the green light internally. What's the quickest way to get 12 users set up on the annual plan?
purchase | high | Procurement needs your signed vendor form and the final quote today so the PO can go out before quarter end.
purchase | medium | Please prepare a renewal for 45 seats; we're dropping the reporting add-on this year.
purchase | medium | I'd like to upgrade my account from monthly to yearly billing. Do I get the discount right away?
purchase | low | Looks like we'll expand to the Berlin office sometime in the autumn. Nothing to do right now.
follow-up | medium | Hey Jo, just resurfacing this thread. Did your team land on a decision about the pilot scope?
follow-up | high | Third nudge on the revised SOW. Our steering committee meets tomorrow morning and I can't present without it.
follow-up | medium | Wanted to check whether the onboarding specialist you mentioned has been assigned yet.
follow-up | low | Quick note to say we're still reviewing internally; I'll come back to you after the holidays.
follow-up | medium | Hi Carla, any movement on the custom field request we discussed on Monday's call?
support | medium | Deals I move to "Won" don't show up in the monthly revenue widget. Is there a delay in the numbers?
support | high | Two-factor codes aren't arriving by SMS, so half my team can't get in this morning. Can you check quickly?
support | medium | How do I merge two company records that were created for the same customer?
support | medium | Attachments over 10 MB fail to upload in the conversation view. Any way around that?
support | critical | Our whole EU workspace has been returning 503s for 40 minutes. Nobody in sales can access anything.
support | low | Tiny thing: the date picker starts weeks on Sunday. Is there a setting for Monday? No hurry.
support | medium | The Zapier trigger for new contacts fires twice for every record. Can you help us debug it?
complaint | high | Your invoice charged us for 80 seats when our contract says 60. I need a corrected invoice this week.
complaint | critical | After the third failed payment sync, our CFO has asked me to start the cancellation process unless we hear from your director today.
complaint | medium | The training session yesterday was mostly a sales pitch for add-ons. Not what we signed up for.
complaint | high | We were told the Salesforce import would keep our activity history. It didn't, and our reps lost months of notes.
complaint | medium | Your new mobile app update removed offline mode, which was the main reason we chose you.
complaint | high | Four days without a reply on a priority ticket is not the premium support we are paying for.
other | low | Thanks again for lunch yesterday, it was great to catch up.
other | low | Monday 11am is perfect, I'll send the dial-in details.
other | low | Just letting you know I'm on parental leave from next week; Lukas will cover my accounts.
other | low | Great news on the award, congratulations to the whole team!
other | low | Received the signed copy, thanks. Filing it on our side.
inquiry | medium | Before our call, could you tell me which CRMs you can import from besides spreadsheets?
support | high | Since the update, the Outlook plugin crashes on every email I open. I'm on a deadline for client proposals today.
follow-up | medium | Following up on your question from last week: yes, we'd need SSO for about 200 users. What are the next steps?
complaint | medium | Honestly, the reporting module is harder to use than what we had before. We expected better.
purchase | medium | Count us in for the partner program. Send over whatever contract we need to sign.
`,
);
