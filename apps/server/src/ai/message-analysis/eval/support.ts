/** Inbound support requests and complaints from customers (labelling rules in sales.ts). */
import { parseLines } from './format';

export const SUPPORT = parseLines(
  'support',
  String.raw`
support | medium | Hi, I'm getting an error when I try to export my contacts to CSV. It says "export failed, try again later".
support | medium | How do I set up email tracking for my whole team? I can only find the setting for my own account.
support | high | I can't log in since this morning, it keeps saying my password is invalid even after the reset. I have client calls all afternoon.
support | medium | The calendar sync seems to skip recurring meetings. Is there a setting I'm missing?
support | medium | Is there a way to bulk-edit the stage of several deals at once?
support | high | Our Gmail integration stopped working after the update and none of the sent emails are being logged. Can you take a look today?
support | medium | Could you help me configure custom fields on the deal form? I want to add a "contract length" dropdown.
support | low | Minor thing, no rush: the tooltip on the forecast chart overlaps the legend on smaller screens.
support | medium | When I import a CSV with more than 5,000 rows the page just times out. Is there a limit?
support | critical | URGENT: the whole team is locked out of the app and we have a product launch in two hours. Nothing loads after login.
support | medium | Reports are showing last month's numbers even after I change the date filter. Is this a bug?
support | high | The mobile app crashes every time I open a contact with attachments. I'm at a customer site and need the notes asap.
support | medium | Can you walk me through how to reset the pipeline stages for a new sales team?
support | medium | Webhooks to our Slack channel fail with a 401 since yesterday. Did something change on your side?
support | low | Where can I find the documentation for the REST API? Just want to read up on it when I have time.
support | medium | Two of my deals disappeared from the Kanban board but still show up in search. How can I get them back?
support | high | Our invoices aren't syncing to QuickBooks and finance closes the books tomorrow. Please help.
support | medium | How can I give my assistant read-only access to my calendar and contacts?
support | medium | The duplicate detection merged two different people with the same name. Is there a way to undo a merge?
support | critical | Production is down for all of our 200 users, API calls return 500 errors. This is blocking our entire sales floor right now.
support | medium | Is it possible to change the default currency on an existing account?
support | medium | I keep getting logged out every 10 minutes on Safari. Chrome works fine.
support | low | Small suggestion: it would be nice to sort templates alphabetically. Not urgent at all.
support | high | Emails sent from the sequence this morning went out with the {{firstName}} placeholder unfilled. Can you stop the sequence immediately?
support | medium | The AI summary on conversations is empty for all my threads. Is it still processing?
support | medium | How do I connect a second mailbox to the same user?
support | high | I can't access any of my deals since my role was changed to sales. I have a pipeline review with my VP in an hour.
support | medium | The search doesn't find contacts by phone number. Is there a trick to it?
complaint | high | This is really frustrating. We've been waiting three weeks for the integration fix and your team keeps saying "next sprint".
complaint | critical | This is unacceptable. Our data was deleted during your migration and nobody has responded in two days. I want to speak to your manager today.
complaint | high | We were double-charged on our last invoice and I'm disappointed it took me finding it myself. Please refund the difference this week.
complaint | critical | If the sync issue isn't fixed by Friday we will cancel our contract and move to another vendor. I've escalated this to our CTO.
complaint | medium | Honestly a bit disappointed with the onboarding. The trainer was late twice and the materials were outdated.
complaint | high | Your support has been terrible this month. Tickets get closed without a fix and I have to explain everything again every time.
complaint | critical | Third time I'm writing about this. The outage cost us a full day of sales calls. I expect a call from your manager and a credit on our account immediately.
complaint | medium | The new pricing page feels misleading. We were told the forecasting module was included, now it's an add-on.
complaint | high | I'm fed up with the constant bugs after every release. Our reps have stopped trusting the data.
complaint | critical | We are considering legal action over the data breach notice we received. Escalate this to your legal team right away.
complaint | medium | Not happy with how the renewal was handled. Nobody told us the price would go up 20%.
complaint | high | Your sales rep promised a dedicated success manager and we never got one. Ridiculous. I need this sorted out by Monday.
complaint | medium | I'm disappointed that the feature we were promised for Q1 is now "on the roadmap" with no date.
complaint | high | The app has been painfully slow for a week and nobody has replied to our ticket. This is affecting our whole team.
complaint | critical | We want a full refund. The product does not do what was sold to us and we will file a chargeback if we don't hear back by tomorrow.
complaint | medium | The last two invoices had the wrong VAT number again. Please get this right going forward.
complaint | high | Really unhappy with the response times from support. We pay for premium and waited 4 days for a reply.
complaint | medium | Frankly the new UI is worse than the old one. Everything takes more clicks now.
complaint | high | Your team scheduled the migration during our busiest week without asking. That's unacceptable and we need it moved.
complaint | low | Just some feedback, not a big deal: the onboarding emails were a bit repetitive.
`,
);
