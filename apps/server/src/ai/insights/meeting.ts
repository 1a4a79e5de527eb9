import type {
  AttendeeStatus,
  CalendarEventStatus,
  CalendarEventType,
  DealStage,
  MeetingInsight,
  Sentiment,
} from '@flow/contracts';
import { isOpenStage, stageLabel } from '../deal-probability/stages';
import { DAY_MS, plural, shortDay, toMs } from '../deal-probability/util';
import { stableId } from './ids';
import { confidence, days, listed, money } from './text';

export interface MeetingInsightInput {
  event: {
    id: string;
    title: string;
    type: CalendarEventType;
    startTime: string;
    endTime: string;
    status: CalendarEventStatus;
    attendees: readonly { name: string; status: AttendeeStatus }[];
    outcome?: { followUpRequired: boolean; followUpDate?: string };
  };
  contact?: { name: string; churnRisk: number; healthScore: number };
  deal?: {
    title: string;
    stage: DealStage;
    value: number;
    probability: number;
    competitorMentioned?: string;
    riskFactors: readonly string[];
  };
  /** The contact's latest communications, any order. */
  recentCommunications?: readonly { date: string; sentiment: Sentiment }[];
  /** Earlier meetings with the same contact. */
  previousMeetings?: readonly { startTime: string; status: CalendarEventStatus }[];
  /** Whether a later event with this contact already exists (the follow-up is booked). */
  followUpScheduled?: boolean;
  now: Date;
}

type Draft = MeetingInsight & { cause: string };

/**
 * Insights for one calendar event: preparation and risks before it, follow-ups after it.
 * Every description names its cause; nothing is produced without one.
 */
export function meetingInsights(input: MeetingInsightInput): MeetingInsight[] {
  const { event, contact, deal, now } = input;
  const t = now.getTime();
  const cancelled = event.status === 'cancelled';
  const upcoming = !cancelled && toMs(event.startTime) > t;
  const ended = toMs(event.endTime) <= t;
  const who = contact?.name ?? 'the contact';
  const drafts: Omit<Draft, 'id'>[] = [];

  if (upcoming && deal && isOpenStage(deal.stage)) {
    if (deal.competitorMentioned) {
      drafts.push({
        cause: `competitor:${deal.competitorMentioned.toLowerCase()}`,
        type: 'preparation',
        title: `Prepare for ${deal.competitorMentioned}`,
        description: `Competitor ${deal.competitorMentioned} is in play on "${deal.title}" (${stageLabel(deal.stage)}, ${deal.probability}%)`,
        confidence: 85,
        actionable: true,
        suggestedAction: `Bring a short comparison with ${deal.competitorMentioned} focused on the buyer's criteria`,
      });
    }
    if (deal.riskFactors.length > 0) {
      drafts.push({
        cause: `deal-risks:${deal.riskFactors.length}`,
        type: 'preparation',
        title: 'Open risks to address',
        description: `"${deal.title}" carries ${plural(deal.riskFactors.length, 'open risk')}: ${listed(deal.riskFactors)}`,
        confidence: confidence(60 + 5 * deal.riskFactors.length),
        actionable: true,
        suggestedAction: `Prepare answers on ${listed(deal.riskFactors, 2)} before the meeting`,
      });
    }
    if (deal.probability >= 60 && (deal.stage === 'proposal' || deal.stage === 'negotiation')) {
      drafts.push({
        cause: `closing:${deal.stage}`,
        type: 'opportunity',
        title: 'Chance to move the deal forward',
        description: `"${deal.title}" is in ${stageLabel(deal.stage)} at ${deal.probability}% (${money(deal.value)})`,
        confidence: deal.probability,
        actionable: true,
        suggestedAction:
          deal.stage === 'negotiation'
            ? 'Bring the contract and confirm who signs and when'
            : 'Walk through the proposal and agree the decision timeline',
      });
    }
  }

  if (upcoming && contact && contact.churnRisk > 60) {
    drafts.push({
      cause: 'churn',
      type: 'risk',
      title: `${who} may be disengaging`,
      description: `${who}'s churn risk is ${contact.churnRisk} (health ${contact.healthScore})`,
      confidence: confidence(contact.churnRisk),
      actionable: true,
      suggestedAction: 'Open by asking about their concerns before going through the agenda',
    });
  }

  const startsIn = (toMs(event.startTime) - t) / DAY_MS;
  const unconfirmed = event.attendees.filter(
    (a) => a.status === 'pending' || a.status === 'declined',
  );
  if (upcoming && startsIn <= 2 && unconfirmed.length > 0) {
    const declined = unconfirmed.filter((a) => a.status === 'declined').length;
    drafts.push({
      cause: `attendees:${unconfirmed
        .map((a) => a.name)
        .sort()
        .join('|')}`,
      type: 'risk',
      title: 'Attendance not confirmed',
      description: `${unconfirmed.length} of ${event.attendees.length} attendees have not accepted${declined > 0 ? ` (${declined} declined)` : ''}: ${listed(
        unconfirmed.map((a) => a.name),
        3,
        false,
      )}`,
      confidence: 90,
      actionable: true,
      suggestedAction: 'Send a short confirmation note with the agenda today',
    });
  }

  const recent = [...(input.recentCommunications ?? [])]
    .filter((c) => toMs(c.date) <= t)
    .sort((a, b) => toMs(b.date) - toMs(a.date))
    .slice(0, 3);
  if (upcoming && recent.length === 3 && recent.every((c) => c.sentiment === 'positive')) {
    drafts.push({
      cause: `positive:${recent[0]!.date}`,
      type: 'opportunity',
      title: 'Good moment to ask',
      description: `The last 3 interactions with ${who} were positive (latest on ${shortDay(recent[0]!.date)})`,
      confidence: 70,
      actionable: true,
      suggestedAction: 'Ask for a commitment on the next step during the meeting',
    });
  }

  const previous = (input.previousMeetings ?? []).filter((m) => toMs(m.startTime) < t).slice(-5);
  const noShows = previous.filter((m) => m.status === 'no-show').length;
  if (upcoming && noShows > 0) {
    drafts.push({
      cause: `no-shows:${noShows}`,
      type: 'risk',
      title: 'History of no-shows',
      description: `${noShows} of the last ${previous.length} meetings with ${who} ${noShows === 1 ? 'was a no-show' : 'were no-shows'}`,
      confidence: confidence(55 + 15 * noShows),
      actionable: true,
      suggestedAction: 'Send a reminder the day before and confirm the time in the morning',
    });
  }

  if (ended && !cancelled && event.status !== 'no-show' && !event.outcome) {
    const since = (t - toMs(event.endTime)) / DAY_MS;
    drafts.push({
      cause: 'no-outcome',
      type: 'follow-up',
      title: 'Record the outcome',
      description: `The meeting ended ${since < 1 ? 'today' : `${days(since)} ago`} with no outcome recorded`,
      confidence: 90,
      actionable: true,
      suggestedAction: 'Log the summary, decisions and next steps while they are fresh',
    });
  }

  if (event.outcome?.followUpRequired && !input.followUpScheduled) {
    const due = event.outcome.followUpDate;
    const overdue = due !== undefined && toMs(due) < t;
    drafts.push({
      cause: `follow-up:${due ?? ''}`,
      type: 'follow-up',
      title: overdue ? 'Follow-up overdue' : 'Follow-up not scheduled',
      description: `The outcome asks for a follow-up${due ? ` by ${shortDay(due)}` : ''} but none is scheduled${overdue ? ` (${days(Math.max(1, (t - toMs(due)) / DAY_MS))} overdue)` : ''}`,
      confidence: 90,
      actionable: true,
      suggestedAction: `Schedule the follow-up with ${who} now`,
    });
  }

  return drafts
    .sort((a, b) => b.confidence - a.confidence)
    .map(({ cause, ...d }) => ({ ...d, id: stableId('meeting', event.id, cause) }));
}
