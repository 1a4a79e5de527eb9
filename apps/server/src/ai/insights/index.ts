// Explained insights for contacts, deals and meetings, and the dashboard's action items.
export { actionItemsFor, type ActionItemInput } from './action-items';
export { contactInsights, type ContactInsightInput } from './contact';
export { dealInsights, type DealInsightInput } from './deal';
export { stableId } from './ids';
export { meetingInsights, type MeetingInsightInput } from './meeting';
