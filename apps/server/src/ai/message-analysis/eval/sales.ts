/**
 * Inbound sales messages from prospects and customers. Labelling rules (shared by every set):
 * urgency low = nothing to answer or explicitly no rush; medium = a question or request without
 * time pressure (or "next week" and later); high = a deadline within a few days, "asap"/"urgent",
 * someone blocked, or chasing an unanswered request; critical = escalation or a threat (manager,
 * cancel, legal, refund) together with pressure, or an outage hitting everyone.
 */
import { parseLines } from './format';

export const SALES = parseLines(
  'sales',
  String.raw`
inquiry | medium | Hi Sarah, can you send over the pricing sheet for the enterprise plan? We're comparing a few options for our sales team.
inquiry | medium | Hello, do you support SSO with Okta? Our IT team will ask about it before we go any further.
inquiry | medium | We're a 40-person agency looking for a CRM. How much would it cost for 25 seats, and is there a discount for annual billing?
inquiry | medium | Quick question: does Flow integrate with Gmail and Google Calendar, or only Outlook?
inquiry | medium | Could you tell me more about your reporting features? Specifically whether we can build custom pipeline dashboards.
inquiry | high | Can you send the pricing sheet by Friday? Our procurement team needs it for the budget meeting.
inquiry | high | Hi, we need to know by tomorrow whether you're GDPR compliant and where the data is hosted. Legal is asking.
inquiry | medium | Is there a free trial? I'd like to test the email sequences with a couple of reps before we decide.
inquiry | low | No rush at all, but when you get a chance could you share a case study from a company in logistics?
inquiry | medium | I saw your webinar on forecasting. Do you have any documentation on how the AI probability score is calculated?
inquiry | medium | Hey there, what's the difference between the Growth and Enterprise tiers? The comparison page is a bit vague.
inquiry | medium | Can your API push deals into our data warehouse? We use Snowflake and would like nightly exports.
inquiry | high | Our board meets Thursday morning. Could you send a short summary of pricing and implementation timeline before then?
inquiry | medium | Would it be possible to set up a demo for our sales managers sometime next week?
inquiry | medium | Do you offer a nonprofit discount? We're a registered charity with about 12 fundraisers.
inquiry | medium | I'm curious how your mobile app handles offline mode. Our field reps are often without signal.
inquiry | high | We have to pick a vendor by end of week. Can you confirm whether the Enterprise plan includes a dedicated success manager?
inquiry | medium | Hi! Is it possible to migrate our contacts and deal history from spreadsheets? Roughly 8,000 rows.
inquiry | medium | Just exploring options for later this year, no decisions yet. Could you add me to your product newsletter?
inquiry | medium | What kind of SLA do you offer on uptime, and is there a status page we can subscribe to?
inquiry | medium | Does the platform support multiple currencies? We sell in EUR, GBP and USD.
purchase | high | We're ready to move forward with the Growth plan for 30 seats. Can you send the order form today?
purchase | medium | Good news: the budget was approved. Please send over the contract so we can start the signing process.
purchase | high | We'd like to add 15 more licenses before our new hires start on Monday. What do you need from me?
purchase | medium | I've reviewed the proposal with our CFO and we'd like to proceed with the annual plan. Who should I send the PO to?
purchase | medium | Let's do it. Please send the DocuSign to me and cc our finance lead, Tom.
purchase | high | We want to upgrade to Enterprise asap — the SSO requirement just became mandatory for us.
purchase | medium | Can you invoice us for the annual plan instead of monthly? We'd like to pay by wire transfer.
purchase | medium | We'd like to renew for another year and add the forecasting module. Please send an updated quote.
purchase | high | Signed order form attached. Our kickoff is planned for Monday, so please confirm the account will be ready by then.
purchase | medium | We have decided to go with Flow. What are the next steps to get the contract in place?
purchase | low | FYI we've approved the purchase internally; paperwork will follow next month, no action needed yet.
purchase | medium | Our team would like to buy 10 additional seats for the support department.
follow-up | medium | Hi Daniel, just following up on the proposal you sent last week. Any update on the revised numbers?
follow-up | medium | Circling back on our call from Tuesday. Did you get a chance to check whether the API limits can be raised?
follow-up | high | Following up again on the contract redlines. We still haven't received anything and our deadline is Friday.
follow-up | medium | Checking in to see if there's any news on the integration roadmap you mentioned.
follow-up | low | Touching base after our demo. No rush, we're still collecting feedback internally and will reach out next month.
follow-up | high | Still waiting on the security questionnaire you promised on Monday. We need it before the review on Thursday.
follow-up | medium | As discussed on the phone, could you send me the recording of the demo so I can share it with my manager?
follow-up | medium | Just a gentle reminder about the reference customer you offered to connect us with.
follow-up | medium | Per our conversation yesterday, where do we stand on the discount for a two-year term?
follow-up | high | Any update? I asked about the data migration estimate twice last week and need it for tomorrow's planning session.
follow-up | medium | Bumping this to the top of your inbox — did legal have a chance to look at our DPA changes?
other | low | Thanks so much for the demo today, the team really enjoyed it!
other | low | Tuesday at 2pm works for me. See you then.
other | low | I'm out of the office until March 12 with limited access to email.
other | low | Congrats on the Series B announcement, well deserved!
other | low | Thanks for the quick reply, that answers everything.
other | low | Got the slides, thank you. I'll share them with the team.
other | low | Confirmed for Thursday's call. I'll bring our head of operations along.
other | low | Great meeting you at SaaStr last week. Let's stay in touch.
other | low | Please note my new email address is jane.roberts@northwind.io going forward.
other | low | Happy new year to you and the whole Flow team!
`,
);
