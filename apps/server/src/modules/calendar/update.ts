import type { CalendarEvent, UpdateCalendarEventBody } from '@flow/contracts';
import type { CalendarEventUpdate } from '../../db/schema';
import { conflict, validationError } from '../../platform/errors';
import type { Scope } from '../../platform/scope';
import { resolveOwner } from '../contacts/service';
import { setEntityTags } from '../tags/repository';
import { fullEvent, visibleEvent } from './assemble';
import { loadSubject, prepare } from './intelligence';
import { emitUpdated, eventBase, type CalendarInternals } from './internals';
import { replaceAttendees, savePreparation } from './parts';
import { updateEvent } from './repository';
import { toUtcIso } from './time';

/**
 * PUT /events/:id: a partial update. The time rule is checked on the merged values; the
 * preparation is regenerated when what the meeting is about (contact, deal or type) changes.
 */
export async function updateCalendarEvent(
  { deps, refreshInsights }: CalendarInternals,
  scope: Scope,
  id: string,
  body: UpdateCalendarEventBody,
): Promise<CalendarEvent> {
  const { db, mutate, clock, llm } = deps;
  const now = clock();
  const stamp = now.toISOString();
  // Planned outside the transaction: the preparation may wait on the LLM provider.
  const planned = await visibleEvent(db, scope, id);
  const contactId = body.contactId !== undefined ? body.contactId : planned.contact_id;
  const dealId = body.dealId !== undefined ? body.dealId : planned.deal_id;
  const contactChanged = contactId !== planned.contact_id;
  const dealChanged = dealId !== planned.deal_id;
  const type = body.type ?? planned.type;
  const regenerate = contactChanged || dealChanged || type !== planned.type;
  const subject = await loadSubject(db, scope, { contactId, dealId }, false);
  const unseen: Record<string, string[]> = {};
  if (contactChanged && contactId && !subject.contact)
    unseen.contactId = ['No contact with this id that you can see'];
  if (dealChanged && dealId && !subject.deal)
    unseen.dealId = ['No deal with this id that you can see'];
  if (Object.keys(unseen).length) throw validationError(unseen);
  const ownerId =
    body.ownerId !== undefined ? await resolveOwner(db, scope, body.ownerId) : planned.owner_id;
  const title = body.title ?? planned.title;
  const description = body.description !== undefined ? body.description : planned.description;
  const preparation = regenerate
    ? await prepare(
        subject,
        { type, title, description, startTime: toUtcIso(body.startTime ?? planned.start_time) },
        now,
        llm,
      )
    : undefined;

  return mutate(async (tx, emit) => {
    const current = await visibleEvent(tx, scope, id);
    if (body.ifUnmodifiedSince && current.updated_at > toUtcIso(body.ifUnmodifiedSince)) {
      throw conflict('This event was changed by someone else; reload and try again', {
        updatedAt: current.updated_at,
      });
    }
    const startTime = body.startTime ? toUtcIso(body.startTime) : current.start_time;
    const endTime = body.endTime ? toUtcIso(body.endTime) : current.end_time;
    if (Date.parse(endTime) <= Date.parse(startTime))
      throw validationError({ endTime: ['End time must be after the start time'] });
    const contact = subject.contact?.row;
    const changes: CalendarEventUpdate = {
      ...(body.title !== undefined ? { title: body.title } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(body.startTime !== undefined ? { start_time: startTime } : {}),
      ...(body.endTime !== undefined ? { end_time: endTime } : {}),
      ...(body.type !== undefined ? { type: body.type } : {}),
      ...(contactChanged
        ? {
            contact_id: contact?.id ?? null,
            contact_name: contact?.name ?? null,
            contact_company: contact?.company ?? null,
          }
        : {}),
      ...(dealChanged ? { deal_id: dealId } : {}),
      ...(body.location !== undefined ? { location: body.location } : {}),
      ...(body.meetingLink !== undefined ? { meeting_link: body.meetingLink } : {}),
      ...(body.status !== undefined ? { status: body.status } : {}),
      ...(body.priority !== undefined ? { priority: body.priority } : {}),
      ...(ownerId !== current.owner_id ? { owner_id: ownerId } : {}),
    };
    const row = await updateEvent(tx, scope, id, { ...changes, updated_at: stamp });
    if (body.attendees !== undefined)
      await replaceAttendees(tx, row.organization_id, id, body.attendees, stamp);
    if (body.tags !== undefined)
      await setEntityTags(tx, row.organization_id, 'event', id, body.tags, stamp);
    if (preparation) await savePreparation(tx, row.organization_id, id, preparation, stamp);
    await refreshInsights(tx, row, subject, now);
    const updated = await fullEvent(tx, row);

    const sent = (Object.keys(body) as (keyof UpdateCalendarEventBody)[]).filter(
      (k) => k !== 'ifUnmodifiedSince',
    );
    const changed: Partial<CalendarEvent> = Object.fromEntries(
      sent.map((k) => [k, updated[k as keyof CalendarEvent]]),
    );
    if (contactChanged) {
      changed.contactName = updated.contactName;
      changed.contactCompany = updated.contactCompany;
    }
    if (preparation) changed.preparation = updated.preparation;
    // The previous owner hears of the change; on reassignment the new owner learns of the event.
    emitUpdated(emit, eventBase(current, scope), id, {
      ...changed,
      aiInsights: updated.aiInsights,
      updatedAt: stamp,
    });
    if (ownerId !== current.owner_id) {
      emit({ ...eventBase(row, scope), event: 'event:created', data: { event: updated } });
    }
    return updated;
  });
}
