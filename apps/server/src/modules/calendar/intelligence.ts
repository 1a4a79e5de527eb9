import type {
  AiSource,
  CalendarEventType,
  MeetingInsight,
  MeetingOutcome,
  MeetingPreparation,
} from '@flow/contracts';
import { meetingInsights } from '../../ai/insights';
import { prepareMeeting, type PrepareMeetingInput } from '../../ai/meeting-prep';
import type { LlmProvider } from '../../ai/providers/llm';
import { completePrompt, meetingTalkingPointsPrompt } from '../../ai/providers/prompts';
import { withFallback, type AiProviderPreference } from '../../ai/providers/with-fallback';
import type { CalendarEventRow } from '../../db/schema';
import type { Tx } from '../../db/tx';
import { validationError } from '../../platform/errors';
import type { Scope } from '../../platform/scope';
import { jsonList } from './mapper';
import type { AttendeeRow } from './parts';
import { followUpBooked, meetingsWithContact } from './repository';
import {
  recentActivities,
  recentCommunications,
  visibleContact,
  visibleDeal,
  type SubjectContactRow,
  type SubjectDealRow,
} from './subjects';

/** What a meeting is about, as the AI engine reads it: the contact and deal with their history. */
export interface Subject {
  contact?: {
    row: SubjectContactRow;
    communications: Awaited<ReturnType<typeof recentCommunications>>;
  };
  deal?: { row: SubjectDealRow; activities: Awaited<ReturnType<typeof recentActivities>> };
}

/**
 * Loads the contact and deal in the caller's scope. `strict` (ids the caller just sent) turns an
 * invisible id into a 422 on that field; otherwise (links already stored) it is simply left out.
 * A deal without a named contact brings its own contact along when the caller can see it.
 */
export async function loadSubject(
  db: Tx,
  scope: Scope,
  ids: { contactId?: string | null; dealId?: string | null },
  strict: boolean,
): Promise<Subject> {
  const [contact, deal] = await Promise.all([
    ids.contactId ? visibleContact(db, scope, ids.contactId) : undefined,
    ids.dealId ? visibleDeal(db, scope, ids.dealId) : undefined,
  ]);
  if (strict) {
    const fields: Record<string, string[]> = {};
    if (ids.contactId && !contact) fields.contactId = ['No contact with this id that you can see'];
    if (ids.dealId && !deal) fields.dealId = ['No deal with this id that you can see'];
    if (Object.keys(fields).length) throw validationError(fields);
  }
  const implied =
    !contact && ids.contactId === undefined && deal?.contact_id
      ? await visibleContact(db, scope, deal.contact_id)
      : undefined;
  const person = contact ?? implied;
  const [communications, activities] = await Promise.all([
    person ? recentCommunications(db, person.id) : [],
    deal ? recentActivities(db, deal.id) : [],
  ]);
  return {
    ...(person ? { contact: { row: person, communications } } : {}),
    ...(deal ? { deal: { row: deal, activities } } : {}),
  };
}

export interface PrepEventFields {
  type: CalendarEventType;
  title: string;
  description?: string | null;
  startTime: string;
}

function prepInput(subject: Subject, event: PrepEventFields, now: Date): PrepareMeetingInput {
  const { contact, deal } = subject;
  return {
    event: {
      type: event.type,
      title: event.title,
      ...(event.description ? { description: event.description } : {}),
      startTime: event.startTime,
    },
    ...(contact
      ? {
          contact: {
            name: contact.row.name,
            company: contact.row.company ?? '',
            title: contact.row.title ?? '',
            notes: jsonList(contact.row.notes),
            communications: contact.communications.map((c) => ({
              type: c.type,
              date: c.date,
              ...(c.subject ? { subject: c.subject } : {}),
              summary: c.summary,
              sentiment: c.sentiment,
            })),
          },
        }
      : {}),
    ...(deal
      ? {
          deal: {
            title: deal.row.title,
            stage: deal.row.stage,
            value: deal.row.value,
            probability: deal.row.probability,
            riskFactors: jsonList(deal.row.risk_factors),
            positiveSignals: jsonList(deal.row.positive_signals),
            ...(deal.row.competitor_mentioned
              ? { competitorMentioned: deal.row.competitor_mentioned }
              : {}),
            // The outcome and next step are where "next step: …" lines live, so they go in too.
            activities: deal.activities.map((a) => ({
              type: a.type,
              date: a.date,
              description: [
                a.description,
                a.outcome ? `Outcome: ${a.outcome}.` : '',
                a.next_step ? `Next step: ${a.next_step}.` : '',
              ]
                .filter(Boolean)
                .join(' '),
            })),
            // Required by the API for deals; rows from older imports may lack it.
            expectedCloseDate: deal.row.expected_close_date ?? '',
          },
        }
      : {}),
    now,
  };
}

/**
 * The local engine's preparation; with an LLM provider configured its talking points may replace
 * the engine's (falling back to them on any failure). Call it outside a transaction: it may wait
 * on the network.
 */
export async function prepare(
  subject: Subject,
  event: PrepEventFields,
  now: Date,
  llm: LlmProvider | null,
): Promise<MeetingPreparation> {
  return (await prepareExplained(subject, event, now, llm, 'auto')).preparation;
}

/** As `prepare`, saying which engine wrote the talking points; 'llm' demands the provider. */
export async function prepareExplained(
  subject: Subject,
  event: PrepEventFields,
  now: Date,
  llm: LlmProvider | null,
  preference: AiProviderPreference,
): Promise<{ preparation: MeetingPreparation; source: AiSource }> {
  const local = prepareMeeting(prepInput(subject, event, now));
  if (preference === 'local' || (preference === 'auto' && (!llm || event.type === 'personal'))) {
    return { preparation: local, source: 'local' };
  }
  const { contact, deal } = subject;
  const prompt = meetingTalkingPointsPrompt({
    eventType: event.type,
    title: event.title,
    ...(contact
      ? {
          contact: {
            name: contact.row.name,
            ...(contact.row.company ? { company: contact.row.company } : {}),
            ...(contact.row.title ? { title: contact.row.title } : {}),
          },
        }
      : {}),
    ...(deal
      ? {
          deal: {
            title: deal.row.title,
            stage: deal.row.stage,
            value: deal.row.value,
            ...(deal.row.competitor_mentioned ? { competitor: deal.row.competitor_mentioned } : {}),
          },
        }
      : {}),
    recentInteractions: local.recentInteractions,
    notes: local.personalNotes,
  });
  const { value, source } = await withFallback({
    preference,
    provider: llm,
    llm: (provider) => completePrompt(provider, prompt),
    local: () => local.suggestedTalkingPoints,
    validate: (points) => points.length > 0,
  });
  return { preparation: { ...local, suggestedTalkingPoints: value }, source };
}

/** Meeting insights for the event as stored in `tx` (status, attendees, outcome, follow-ups). */
export async function insightsFor(
  tx: Tx,
  row: CalendarEventRow,
  attendees: readonly AttendeeRow[],
  outcome: MeetingOutcome | undefined,
  subject: Subject,
  now: Date,
): Promise<MeetingInsight[]> {
  const [previous, booked] = await Promise.all([
    meetingsWithContact(tx, row),
    followUpBooked(tx, row),
  ]);
  const { contact, deal } = subject;
  return meetingInsights({
    event: {
      id: row.id,
      title: row.title,
      type: row.type,
      startTime: row.start_time,
      endTime: row.end_time,
      status: row.status,
      attendees: attendees.map((a) => ({ name: a.name, status: a.status })),
      ...(outcome
        ? {
            outcome: {
              followUpRequired: outcome.followUpRequired,
              ...(outcome.followUpDate ? { followUpDate: outcome.followUpDate } : {}),
            },
          }
        : {}),
    },
    ...(contact
      ? {
          contact: {
            name: contact.row.name,
            churnRisk: contact.row.churn_risk,
            healthScore: contact.row.health_score,
          },
          recentCommunications: contact.communications.map((c) => ({
            date: c.date,
            sentiment: c.sentiment,
          })),
        }
      : {}),
    ...(deal
      ? {
          deal: {
            title: deal.row.title,
            stage: deal.row.stage,
            value: deal.row.value,
            probability: deal.row.probability,
            ...(deal.row.competitor_mentioned
              ? { competitorMentioned: deal.row.competitor_mentioned }
              : {}),
            riskFactors: jsonList(deal.row.risk_factors),
          },
        }
      : {}),
    previousMeetings: previous.map((m) => ({ startTime: m.start_time, status: m.status })),
    followUpScheduled: booked,
    now,
  });
}
