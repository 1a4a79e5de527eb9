import type {
  AttendeeInput,
  AttendeeStatus,
  MeetingInsight,
  MeetingOutcomeBody,
  MeetingPreparation,
} from '@flow/contracts';
import type { Tx } from '../../db/tx';
import { newId } from '../../platform/ids';

/**
 * What hangs off an event: its people, preparation, outcome and insights. These rows carry no
 * owner: they are only ever reached through an event the caller may see (data-model.md).
 */

export interface AttendeeRow {
  eventId: string;
  id: string;
  name: string;
  email: string | null;
  role: string;
  status: AttendeeStatus;
}

/** The attendees of a page of events, in one query. */
export async function attendeesOf(
  db: Tx,
  eventIds: readonly string[],
): Promise<Map<string, AttendeeRow[]>> {
  const byEvent = new Map<string, AttendeeRow[]>(eventIds.map((id) => [id, []]));
  if (eventIds.length === 0) return byEvent;
  const rows = await db
    .selectFrom('event_attendees')
    .innerJoin('attendees', 'attendees.id', 'event_attendees.attendee_id')
    .select([
      'event_attendees.event_id as eventId',
      'attendees.id as id',
      'attendees.name as name',
      'attendees.email as email',
      'event_attendees.role as role',
      'event_attendees.status as status',
    ])
    .where('event_attendees.event_id', 'in', [...eventIds])
    .orderBy('attendees.name')
    .orderBy('attendees.id')
    .execute();
  for (const row of rows) byEvent.get(row.eventId)?.push(row);
  return byEvent;
}

/**
 * Sets an event's attendees. People are known by address across the organization: an address
 * seen before reuses its row (the latest name wins, as a typo fix should), and a colleague's or
 * a contact's address is linked to them. Someone kept on the event keeps their answer unless a
 * new one is sent.
 */
export async function replaceAttendees(
  tx: Tx,
  organizationId: string,
  eventId: string,
  inputs: readonly AttendeeInput[],
  now: string,
): Promise<void> {
  const byEmail = new Map(inputs.map((a) => [a.email.trim().toLowerCase(), a]));
  const emails = [...byEmail.keys()];
  const previous = await tx
    .selectFrom('event_attendees')
    .innerJoin('attendees', 'attendees.id', 'event_attendees.attendee_id')
    .select(['attendees.email', 'event_attendees.role', 'event_attendees.status'])
    .where('event_attendees.event_id', '=', eventId)
    .execute();
  await tx.deleteFrom('event_attendees').where('event_id', '=', eventId).execute();
  if (emails.length === 0) return;

  const [users, contacts] = await Promise.all([
    tx
      .selectFrom('users')
      .select(['id', 'email'])
      .where('organization_id', '=', organizationId)
      .where('email', 'in', emails)
      .execute(),
    tx
      .selectFrom('contacts')
      .select(['id', 'email'])
      .where('organization_id', '=', organizationId)
      .where('email', 'in', emails)
      .where('deleted_at', 'is', null)
      .execute(),
  ]);
  const userOf = new Map(users.map((u) => [u.email, u.id]));
  const contactOf = new Map(contacts.map((c) => [c.email, c.id]));
  // A concurrent insert of the same address is absorbed by the unique index, then read back.
  await tx
    .insertInto('attendees')
    .values(
      emails.map((email) => ({
        id: newId(),
        organization_id: organizationId,
        name: byEmail.get(email)!.name,
        email,
        contact_id: contactOf.get(email) ?? null,
        user_id: userOf.get(email) ?? null,
        created_at: now,
        updated_at: now,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
  const people = await tx
    .selectFrom('attendees')
    .select(['id', 'email', 'name', 'contact_id', 'user_id'])
    .where('organization_id', '=', organizationId)
    .where('email', 'in', emails)
    .execute();
  const before = new Map(previous.map((p) => [p.email, p]));
  for (const person of people) {
    const input = byEmail.get(person.email!)!;
    const contactId = person.contact_id ?? contactOf.get(person.email!) ?? null;
    const userId = person.user_id ?? userOf.get(person.email!) ?? null;
    if (
      person.name !== input.name ||
      contactId !== person.contact_id ||
      userId !== person.user_id
    ) {
      await tx
        .updateTable('attendees')
        .set({ name: input.name, contact_id: contactId, user_id: userId, updated_at: now })
        .where('id', '=', person.id)
        .execute();
    }
  }
  await tx
    .insertInto('event_attendees')
    .values(
      people.map((person) => {
        const input = byEmail.get(person.email!)!;
        const kept = before.get(person.email);
        return {
          organization_id: organizationId,
          event_id: eventId,
          attendee_id: person.id,
          role: input.role || kept?.role || 'attendee',
          status: input.status ?? kept?.status ?? 'pending',
        };
      }),
    )
    .execute();
}

export function preparationOf(db: Tx, eventId: string) {
  return db
    .selectFrom('meeting_preparations')
    .selectAll()
    .where('event_id', '=', eventId)
    .executeTakeFirst();
}

export async function savePreparation(
  tx: Tx,
  organizationId: string,
  eventId: string,
  prep: MeetingPreparation,
  now: string,
): Promise<void> {
  const values = {
    suggested_talking_points: JSON.stringify(prep.suggestedTalkingPoints),
    recent_interactions: JSON.stringify(prep.recentInteractions),
    // A JSON string: the contract shows the deal context as one line of text.
    deal_context: prep.dealContext === undefined ? null : JSON.stringify(prep.dealContext),
    competitor_intel: prep.competitorIntel ? JSON.stringify(prep.competitorIntel) : null,
    personal_notes: JSON.stringify(prep.personalNotes),
    documents_to_share: JSON.stringify(prep.documentsToShare),
    generated_at: now,
    updated_at: now,
  };
  await tx
    .insertInto('meeting_preparations')
    .values({ event_id: eventId, organization_id: organizationId, ...values })
    .onConflict((oc) => oc.column('event_id').doUpdateSet(values))
    .execute();
}

export function outcomeOf(db: Tx, eventId: string) {
  return db
    .selectFrom('meeting_outcomes')
    .selectAll()
    .where('event_id', '=', eventId)
    .executeTakeFirst();
}

/** Posting an outcome again replaces it: the latest account of the meeting is the one kept. */
export async function saveOutcome(
  tx: Tx,
  organizationId: string,
  eventId: string,
  outcome: MeetingOutcomeBody,
  recordedBy: string,
  now: string,
): Promise<void> {
  const values = {
    summary: outcome.summary,
    next_steps: JSON.stringify(outcome.nextSteps),
    sentiment_score: outcome.sentimentScore,
    key_decisions: JSON.stringify(outcome.keyDecisions),
    follow_up_required: outcome.followUpRequired ? 1 : 0,
    follow_up_date: outcome.followUpDate ? new Date(outcome.followUpDate).toISOString() : null,
    meeting_rating: outcome.meetingRating,
    recorded_by: recordedBy,
    updated_at: now,
  };
  await tx
    .insertInto('meeting_outcomes')
    .values({ event_id: eventId, organization_id: organizationId, created_at: now, ...values })
    .onConflict((oc) => oc.column('event_id').doUpdateSet(values))
    .execute();
}

export function insightsOf(db: Tx, eventId: string) {
  return db
    .selectFrom('meeting_insights')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('confidence', 'desc')
    .orderBy('id')
    .execute();
}

export async function replaceInsights(
  tx: Tx,
  organizationId: string,
  eventId: string,
  insights: readonly MeetingInsight[],
  now: string,
): Promise<void> {
  await tx.deleteFrom('meeting_insights').where('event_id', '=', eventId).execute();
  if (insights.length === 0) return;
  await tx
    .insertInto('meeting_insights')
    .values(
      insights.map((i) => ({
        // The engine's ids are stable per event and cause, so regenerating replaces in place.
        id: i.id,
        organization_id: organizationId,
        event_id: eventId,
        type: i.type,
        title: i.title,
        description: i.description,
        confidence: i.confidence,
        actionable: i.actionable ? 1 : 0,
        suggested_action: i.suggestedAction ?? null,
        created_at: now,
      })),
    )
    .execute();
}
