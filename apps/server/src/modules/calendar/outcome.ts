import type { CalendarEvent, MeetingOutcomeBody } from '@flow/contracts';
import type { CalendarEventRow } from '../../db/schema';
import type { Tx } from '../../db/tx';
import { conflict } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { Scope } from '../../platform/scope';
import type { Emit } from '../../realtime/mutate';
import { fullEvent, visibleEvent } from './assemble';
import { prepare, type Subject } from './intelligence';
import { emitUpdated, eventBase, type CalendarInternals } from './internals';
import { attendeesOf, replaceAttendees, saveOutcome, savePreparation } from './parts';
import { insertEvent, linkedFollowUp, updateEvent } from './repository';
import { addMinutes, nextWorkingDayAt, toUtcIso } from './time';

const FOLLOW_UP_MINUTES = 30;
const TITLE_MAX = 200;

/**
 * POST /events/:id/outcome: stores the outcome, completes the meeting, books the follow-up it
 * asks for (once: a re-posted outcome keeps the follow-up already booked) and refreshes the
 * contact's relationship, all in one transaction.
 */
export async function recordOutcome(
  internals: CalendarInternals,
  scope: Scope,
  id: string,
  body: MeetingOutcomeBody,
): Promise<CalendarEvent> {
  const { db, mutate, clock, services } = internals.deps;
  const now = clock();
  const stamp = now.toISOString();
  const planned = await visibleEvent(db, scope, id);
  if (planned.status === 'cancelled') {
    throw conflict('A cancelled meeting has no outcome; set its status first', {
      status: planned.status,
    });
  }
  const subject = await internals.subjectOf(scope, planned);
  const followUp =
    body.followUpRequired && !(await linkedFollowUp(db, id))
      ? await planFollowUp(internals, planned, body, subject, now)
      : undefined;

  return mutate(async (tx, emit) => {
    const current = await visibleEvent(tx, scope, id);
    if (current.status === 'cancelled') {
      throw conflict('A cancelled meeting has no outcome; set its status first', {
        status: current.status,
      });
    }
    await saveOutcome(tx, current.organization_id, id, body, scope.userId, stamp);
    const row = await updateEvent(tx, scope, id, { status: 'completed', updated_at: stamp });
    if (followUp && !(await linkedFollowUp(tx, id))) {
      await bookFollowUp(internals, tx, emit, scope, row, followUp, subject, now);
    }
    await internals.refreshInsights(tx, row, subject, now);
    // A meeting is an interaction: health and churn risk move with it.
    if (row.contact_id) {
      await services.contacts.refreshRelationshipOf(tx, emit, row.contact_id, scope.userId, now);
    }
    const event = await fullEvent(tx, row);
    emitUpdated(emit, eventBase(row, scope), id, {
      status: event.status,
      ...(event.outcome ? { outcome: event.outcome } : {}),
      aiInsights: event.aiInsights,
      updatedAt: event.updatedAt,
    });
    return event;
  });
}

interface FollowUpPlan {
  title: string;
  description: string;
  startTime: string;
  endTime: string;
  preparation: Awaited<ReturnType<typeof prepare>>;
}

/**
 * When and what: at the date the outcome names, else the owner's next working day at 10:00
 * (after the meeting, or after now when the outcome is recorded late). The next steps become
 * the description, which is where the preparation looks for what to close the loop on.
 */
async function planFollowUp(
  internals: CalendarInternals,
  event: CalendarEventRow,
  body: MeetingOutcomeBody,
  subject: Subject,
  now: Date,
): Promise<FollowUpPlan> {
  const zone = await internals.zoneOf(event.organization_id, event.owner_id);
  const after = new Date(Math.max(now.getTime(), Date.parse(event.end_time)));
  const startTime = body.followUpDate ? toUtcIso(body.followUpDate) : nextWorkingDayAt(after, zone);
  const title = `Follow-up: ${event.title}`.slice(0, TITLE_MAX);
  const description = [
    `Follow-up to "${event.title}".`,
    body.nextSteps.length ? `Next steps: ${body.nextSteps.join('; ')}.` : '',
    body.keyDecisions.length ? `Decided: ${body.keyDecisions.join('; ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const preparation = await prepare(
    subject,
    { type: 'follow-up', title, description, startTime },
    now,
    internals.deps.llm,
  );
  return {
    title,
    description,
    startTime,
    endTime: addMinutes(startTime, FOLLOW_UP_MINUTES),
    preparation,
  };
}

async function bookFollowUp(
  internals: CalendarInternals,
  tx: Tx,
  emit: Emit,
  scope: Scope,
  original: CalendarEventRow,
  plan: FollowUpPlan,
  subject: Subject,
  now: Date,
): Promise<void> {
  const stamp = now.toISOString();
  const row = await insertEvent(tx, {
    id: newId(),
    organization_id: original.organization_id,
    owner_id: original.owner_id,
    title: plan.title,
    description: plan.description,
    start_time: plan.startTime,
    end_time: plan.endTime,
    type: 'follow-up',
    contact_id: original.contact_id,
    contact_name: original.contact_name,
    contact_company: original.contact_company,
    deal_id: original.deal_id,
    location: null,
    meeting_link: null,
    status: 'scheduled',
    priority: original.priority,
    follow_up_of: original.id,
    created_at: stamp,
    updated_at: stamp,
    deleted_at: null,
  });
  // The same people, invited afresh: their answer to the first meeting says nothing of this one.
  const people = (await attendeesOf(tx, [original.id])).get(original.id) ?? [];
  const invited = people
    .filter((p) => p.email)
    .map((p) => ({ name: p.name, email: p.email!, role: p.role, status: 'pending' as const }));
  if (invited.length) await replaceAttendees(tx, row.organization_id, row.id, invited, stamp);
  await savePreparation(tx, row.organization_id, row.id, plan.preparation, stamp);
  await internals.refreshInsights(tx, row, subject, now);
  const event = await fullEvent(tx, row);
  emit({ ...eventBase(row, scope), event: 'event:created', data: { event } });
}
