/** Outbound messages written by sales reps to contacts (labelling rules in sales.ts). */
import { parseLines } from './format';

export const OUTBOUND = parseLines(
  'outbound',
  String.raw`
follow-up | medium | Hi Priya, following up on the proposal I sent last Thursday. Have you had a chance to review it with your team?
follow-up | low | Just checking in after our demo. No pressure, happy to answer any questions whenever you're ready.
follow-up | medium | Circling back on my note about the pilot. Would it still make sense to start in April?
follow-up | high | Following up on the contract: to keep your go-live on the 10th we need the signed copy by Friday. Can you confirm?
follow-up | medium | As promised on our call, here's the recording and the slides. Did the forecasting section answer your CFO's questions?
follow-up | medium | Hi Marco, touching base to see whether legal has finished reviewing the MSA.
follow-up | low | Following up on our chat at the conference. I've attached a one-pager in case it's useful for later.
follow-up | high | Any update on the purchase order? Our quarter closes Friday and I want to make sure your discount still applies.
inquiry | medium | Hi Lena, could you tell me a bit more about how your team tracks deals today? Spreadsheets, another CRM?
inquiry | medium | Before I put the proposal together, how many sales reps would need access in the first phase?
inquiry | medium | Who else on your side should be involved in the evaluation? Happy to set up a session for IT as well.
inquiry | medium | What would a successful first 90 days look like for your team?
inquiry | high | Quick one: do you need the security documentation before Thursday's review? I can send it today if so.
inquiry | medium | Would you be interested in joining our customer advisory board? Could you let me know by the end of the month?
purchase | medium | Great news, I've attached the order form for the 25 Growth seats. Once it's signed I'll set up your workspace.
purchase | high | The contract is ready for signature in DocuSign. Could you sign it by tomorrow so we can lock in the launch date?
purchase | medium | Here is the renewal quote with the two extra seats you asked for. Let me know if you'd like to proceed.
purchase | medium | I can offer 15% off if you sign the annual plan this month. Should I send the updated order form?
other | low | Thanks for your time today, it was great to learn about your plans for the sales team.
other | low | Welcome aboard! I've set up your workspace and you should receive an invite shortly.
other | low | Happy to confirm our call for Tuesday at 10am. The meeting link is in the invite.
other | low | Sharing an article on pipeline hygiene I thought you'd enjoy. No need to reply.
other | low | I'll be on vacation next week; my colleague Sam will cover anything urgent.
other | low | Congratulations on the new role, Anna! Looking forward to working together.
support | medium | To fix the sync issue, could you try disconnecting and reconnecting your Google account under Settings > Integrations?
support | medium | I've opened a ticket with our engineers about the export error. Could you send a screenshot of the message you see?
support | high | We found the cause of the outage and a fix is rolling out now. Please check whether your reps can log in and let me know asap.
complaint | medium | I'm sorry to hear about the billing mix-up. I've asked finance to correct the invoice and will send the new one by Friday.
inquiry | low | Whenever convenient, could you share which features your reps use most? It helps us plan training, no rush.
follow-up | medium | Just a quick nudge on the reference call. Does next Wednesday still work for your VP?
`,
);
