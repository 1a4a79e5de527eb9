import type {
  AiSource,
  CalendarEvent,
  CalendarEventType,
  CalendarEventsQuery,
  CalendarEventStatusBody,
  CalendarEventSummary,
  CalendarStats,
  CreateCalendarEventBody,
  List,
  MeetingOutcomeBody,
  MeetingPreparation,
  SmartScheduling,
  SmartSchedulingBody,
  UpdateCalendarEventBody,
} from '@flow/contracts';
import type { AiProviderPreference } from '../../ai/providers/with-fallback';
import { unauthorized } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { pageOf } from '../../platform/pagination';
import type { Scope } from '../../platform/scope';
import { resolveOwner } from '../contacts/service';
import { organizationSettings } from '../organizations/repository';
import type { ServiceDeps } from '../registry';
import { setEntityTags } from '../tags/repository';
import { fullEvent, summaries, visibleEvent } from './assemble';
import { buildFeed } from './feed';
import { loadSubject, prepare, prepareExplained, type Subject } from './intelligence';
import { createInternals, emitUpdated, eventBase, prepFieldsOf } from './internals';
import { timezoneIn, toPreparation } from './mapper';
import { recordOutcome } from './outcome';
import { attendeesOf, preparationOf, replaceAttendees, savePreparation } from './parts';
import * as repo from './repository';
import { smartScheduling } from './scheduling';
import { userByFeedSecret, userSettings } from './subjects';
import { toUtcIso, weekOf, windowOf, zoneOrUtc } from './time';
import { updateCalendarEvent } from './update';

const FEED_PAST_DAYS = 30;
const FEED_AHEAD_DAYS = 90;
const DAY_MS = 86_400_000;

/** API.md §8. Every read goes through the caller's scope; every change through one transaction. */
export function createCalendarService(deps: ServiceDeps) {
  const { db, mutate, clock, llm } = deps;
  const internals = createInternals(deps);
  const callerZone = (scope: Scope) => internals.zoneOf(scope.organizationId, scope.userId);

  /** A default the user did not set: a valuable or late-stage open deal makes the meeting matter. */
  async function defaultPriority(scope: Scope, subject: Subject) {
    const deal = subject.deal?.row;
    if (deal && deal.stage !== 'closed-won' && deal.stage !== 'closed-lost') {
      const { highValueThreshold } = await organizationSettings(db, scope.organizationId);
      if (deal.value > highValueThreshold || deal.stage === 'negotiation') return 'high' as const;
    }
    return subject.contact || deal ? ('medium' as const) : ('low' as const);
  }

  return {
    async list(scope: Scope, query: CalendarEventsQuery): Promise<List<CalendarEventSummary>> {
      const zone = await callerZone(scope);
      const { rows, total } = await repo.listEvents(db, scope, query, {
        window: windowOf(query.start, query.end, zone),
        week: weekOf(clock(), zone),
      });
      return pageOf(await summaries(db, scope.organizationId, rows), total, query);
    },

    async stats(scope: Scope): Promise<CalendarStats> {
      return repo.eventStats(db, scope, weekOf(clock(), await callerZone(scope)));
    },

    async get(scope: Scope, id: string): Promise<CalendarEvent> {
      const row = await visibleEvent(db, scope, id);
      // Shown, not stored: GET /events/:id/preparation is the route that generates and keeps one.
      return fullEvent(db, row, async () =>
        prepare(await internals.subjectOf(scope, row), prepFieldsOf(row), clock(), null),
      );
    },

    async create(scope: Scope, body: CreateCalendarEventBody): Promise<CalendarEvent> {
      const ownerId = await resolveOwner(db, scope, body.ownerId);
      const subject = await loadSubject(
        db,
        scope,
        { contactId: body.contactId, dealId: body.dealId },
        true,
      );
      const now = clock();
      const stamp = now.toISOString();
      const startTime = toUtcIso(body.startTime);
      const preparation = await prepare(
        subject,
        { type: body.type, title: body.title, description: body.description, startTime },
        now,
        llm,
      );
      const priority = body.priority ?? (await defaultPriority(scope, subject));
      const contact = subject.contact?.row;
      return mutate(async (tx, emit) => {
        const row = await repo.insertEvent(tx, {
          id: newId(),
          organization_id: scope.organizationId,
          owner_id: ownerId,
          title: body.title,
          description: body.description ?? null,
          start_time: startTime,
          end_time: toUtcIso(body.endTime),
          type: body.type,
          contact_id: contact?.id ?? null,
          contact_name: contact?.name ?? null,
          contact_company: contact?.company ?? null,
          deal_id: subject.deal?.row.id ?? null,
          location: body.location ?? null,
          meeting_link: body.meetingLink ?? null,
          status: body.status ?? 'scheduled',
          priority,
          follow_up_of: null,
          created_at: stamp,
          updated_at: stamp,
          deleted_at: null,
        });
        if (body.attendees?.length)
          await replaceAttendees(tx, row.organization_id, row.id, body.attendees, stamp);
        if (body.tags?.length)
          await setEntityTags(tx, row.organization_id, 'event', row.id, body.tags, stamp);
        await savePreparation(tx, row.organization_id, row.id, preparation, stamp);
        await internals.refreshInsights(tx, row, subject, now);
        const event = await fullEvent(tx, row);
        emit({ ...eventBase(row, scope), event: 'event:created', data: { event } });
        return event;
      });
    },

    update: (scope: Scope, id: string, body: UpdateCalendarEventBody) =>
      updateCalendarEvent(internals, scope, id, body),

    async remove(scope: Scope, id: string): Promise<void> {
      const stamp = clock().toISOString();
      await mutate(async (tx, emit) => {
        const row = await visibleEvent(tx, scope, id);
        await repo.softDeleteEvent(tx, scope, id, stamp);
        emit({ ...eventBase(row, scope), event: 'event:deleted', data: { id } });
      });
    },

    async setStatus(
      scope: Scope,
      id: string,
      body: CalendarEventStatusBody,
    ): Promise<CalendarEvent> {
      const subject = await internals.subjectOf(scope, await visibleEvent(db, scope, id));
      const now = clock();
      return mutate(async (tx, emit) => {
        await visibleEvent(tx, scope, id);
        const row = await repo.updateEvent(tx, scope, id, {
          status: body.status,
          updated_at: now.toISOString(),
        });
        // Status drives the insights: a cancelled meeting needs no preparation, an ended one an outcome.
        await internals.refreshInsights(tx, row, subject, now);
        const event = await fullEvent(tx, row);
        emitUpdated(emit, eventBase(row, scope), id, {
          status: event.status,
          aiInsights: event.aiInsights,
          updatedAt: event.updatedAt,
        });
        return event;
      });
    },

    recordOutcome: (scope: Scope, id: string, body: MeetingOutcomeBody) =>
      recordOutcome(internals, scope, id, body),

    /** The stored preparation, generated (and kept) the first time it is asked for. */
    async preparation(scope: Scope, id: string): Promise<MeetingPreparation> {
      const current = await visibleEvent(db, scope, id);
      const stored = await preparationOf(db, id);
      if (stored) return toPreparation(stored);
      const now = clock();
      const subject = await internals.subjectOf(scope, current);
      const preparation = await prepare(subject, prepFieldsOf(current), now, llm);
      await mutate(async (tx, emit) => {
        const row = await visibleEvent(tx, scope, id);
        await savePreparation(tx, row.organization_id, id, preparation, now.toISOString());
        // Server-computed: updatedAt stays, so a client's ifUnmodifiedSince is not invalidated.
        emitUpdated(emit, eventBase(row, scope), id, { preparation });
      });
      return preparation;
    },

    smartScheduling: (scope: Scope, body: SmartSchedulingBody): Promise<SmartScheduling> =>
      smartScheduling(internals, scope, body),

    /**
     * Preparation for a stored event or one being planned (POST /api/ai/meeting-preparation),
     * computed fresh and not stored, saying which engine answered.
     */
    async planPreparation(
      scope: Scope,
      input: { eventId?: string; type?: CalendarEventType; contactId?: string; dealId?: string },
      preference: AiProviderPreference,
    ): Promise<{ preparation: MeetingPreparation; source: AiSource }> {
      const now = clock();
      if (input.eventId) {
        const current = await visibleEvent(db, scope, input.eventId);
        const subject = await internals.subjectOf(scope, current);
        return prepareExplained(subject, prepFieldsOf(current), now, llm, preference);
      }
      const subject = await loadSubject(
        db,
        scope,
        { contactId: input.contactId, dealId: input.dealId },
        true,
      );
      const type = input.type ?? 'meeting';
      const title =
        [subject.contact?.row.name, subject.deal?.row.title].filter(Boolean).join(' — ') ||
        'Meeting';
      return prepareExplained(
        subject,
        { type, title, startTime: now.toISOString() },
        now,
        llm,
        preference,
      );
    },

    /** The caller's feed secret, for the subscription address the web app shows. */
    async feedSecret(scope: Scope): Promise<string> {
      const user = await userSettings(db, scope.organizationId, scope.userId);
      if (!user) throw unauthorized();
      return user.feed_secret;
    },

    /** The iCalendar feed a secret opens: its owner's events from a month back to 90 days ahead. */
    async feed(token: string | undefined): Promise<string> {
      const user = token ? await userByFeedSecret(db, token) : undefined;
      if (!user) throw unauthorized('Missing or invalid calendar feed token');
      const now = clock();
      const rows = await repo.ownEventsBetween(db, user.organization_id, user.id, {
        start: new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS).toISOString(),
        end: new Date(now.getTime() + FEED_AHEAD_DAYS * DAY_MS).toISOString(),
      });
      const attendees = await attendeesOf(
        db,
        rows.map((r) => r.id),
      );
      return buildFeed({
        ownerName: user.name,
        timezone: zoneOrUtc(timezoneIn(user.preferences)),
        rows,
        attendees,
        now,
      });
    },
  };
}
export type CalendarService = ReturnType<typeof createCalendarService>;
