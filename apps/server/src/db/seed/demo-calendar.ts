import { newId } from '../../platform/ids';
import type { AttendeeStatus, EventStatus, EventType, Level } from '../schema';
import type { FullRow } from './batch';
import { json, pickOwner, weekdayAfter, type DemoContext, type DemoUser } from './demo-context';
import type { DemoContact } from './demo-contacts';
import type { DemoDeal } from './demo-deals';
import {
  AttendeeBook,
  meetingInsights,
  outcomeRow,
  preparationRow,
  type MeetingSubject,
} from './demo-meetings';
import { isClosed } from './scoring';
import { COMPETITORS, PRODUCTS, fill } from './text';
import { DURATION_MINUTES, EVENT_TITLES } from './text-calendar';
import { DAY, MINUTE, iso, officeHours } from './time';

const REMINDER_OFFSETS = [1440, 60, 15];
const EXTERNAL: readonly EventType[] = ['meeting', 'call', 'demo', 'follow-up'];

interface EventSpec {
  owner: DemoUser;
  type: EventType;
  start: number;
  contact: DemoContact | null;
  deals: readonly DemoDeal[];
  followUpOf: string | null;
}

/** Events from a month ago to a month ahead, with people, preparation, outcomes and insights. */
export function buildCalendar(
  ctx: DemoContext,
  contacts: readonly DemoContact[],
  deals: readonly DemoDeal[],
  count: number,
) {
  const { rng, now } = ctx;
  const out = {
    events: [] as FullRow<'calendar_events'>[],
    people: new AttendeeBook(ctx),
    preparations: [] as FullRow<'meeting_preparations'>[],
    outcomes: [] as FullRow<'meeting_outcomes'>[],
    insights: [] as FullRow<'meeting_insights'>[],
  };
  const dealsByContact = new Map<string, DemoDeal[]>();
  for (const deal of deals) {
    if (!deal.deleted)
      dealsByContact.set(deal.contact.id, [...(dealsByContact.get(deal.contact.id) ?? []), deal]);
  }
  // Follow-ups reference their meeting, so they are inserted after every other event.
  const followUps: EventSpec[] = [];

  const addEvent = (spec: EventSpec): void => {
    const { owner, type, start, contact } = spec;
    const id = newId();
    const end = start + DURATION_MINUTES[type] * MINUTE;
    const deal =
      spec.deals.find((d) => !isClosed(d.stage)) ?? (end < now ? spec.deals[0] : undefined);
    const vars = {
      name: contact?.name ?? '',
      first: contact?.first ?? '',
      company: contact?.company ?? '',
      product: rng.pick(PRODUCTS),
      competitor: deal?.row.competitor_mentioned ?? rng.pick(COMPETITORS),
      day: weekdayAfter(start, 5),
    };
    const status = statusOf(ctx, start, end, contact !== null);
    const priority: Level =
      deal && (deal.value >= 50_000 || deal.stage === 'negotiation')
        ? 'high'
        : contact
          ? 'medium'
          : 'low';
    const onSite = type === 'meeting' && rng.chance(0.5);
    const online = !onSite && (type === 'meeting' || type === 'demo' || type === 'internal');
    const booked = Math.min(now, start);
    out.events.push({
      id,
      organization_id: ctx.orgId,
      owner_id: owner.id,
      title: spec.followUpOf
        ? `Follow-up with ${vars.first}`
        : fill(rng.pick(EVENT_TITLES[type]), vars),
      description: deal ? `Re: ${deal.row.title}` : null,
      start_time: iso(start),
      end_time: iso(end),
      type,
      contact_id: contact?.id ?? null,
      contact_name: contact?.name ?? null,
      contact_company: contact?.company ?? null,
      deal_id: deal?.id ?? null,
      location: onSite ? `${vars.company} office` : type === 'personal' ? 'Out of office' : null,
      meeting_link: online ? `https://meet.flowcrm.dev/${id.slice(-12)}` : null,
      status,
      priority,
      follow_up_of: spec.followUpOf,
      // Reminders whose moment has passed were sent (none for cancelled events).
      reminders_sent: json(
        status === 'cancelled' ? [] : REMINDER_OFFSETS.filter((m) => start - m * MINUTE <= now),
      ),
      created_at: iso(booked - rng.int(2, 20) * DAY),
      updated_at: iso(booked - rng.int(0, 2) * DAY),
      deleted_at: null,
    });
    out.people.add(
      id,
      { name: owner.name, email: owner.email, userId: owner.id },
      'organizer',
      'accepted',
    );
    if (type === 'internal') {
      for (const colleague of [ctx.manager, ctx.sales, ctx.sales2]) {
        if (colleague.id === owner.id) continue;
        const person = { name: colleague.name, email: colleague.email, userId: colleague.id };
        out.people.add(id, person, 'attendee', rng.pick<AttendeeStatus>(['accepted', 'tentative']));
      }
    }
    if (!contact) return;
    const answer =
      end <= now
        ? 'accepted'
        : rng.pick<AttendeeStatus>(['accepted', 'accepted', 'tentative', 'pending']);
    out.people.add(
      id,
      { name: contact.name, email: contact.email, contactId: contact.id },
      rng.pick(['decision maker', 'champion', 'attendee']),
      answer,
    );
    if (type === 'demo' || rng.chance(0.25)) {
      // A colleague of the contact who is not in the CRM: an attendee known only by address.
      const name = ctx.faker.person.fullName();
      const email = contact.email.replace(/^[^@]+/, name.toLowerCase().replace(/[^a-z]+/g, '.'));
      out.people.add(
        id,
        { name, email },
        'attendee',
        rng.pick<AttendeeStatus>(['accepted', 'pending', 'declined']),
      );
    }
    if (status === 'cancelled') return;
    const subject: MeetingSubject = { eventId: id, type, start, contact, deal, vars };
    out.preparations.push(preparationRow(ctx, subject));
    if (end > now) out.insights.push(...meetingInsights(ctx, subject));
    if (status !== 'completed' || !rng.chance(0.7)) return;
    const outcome = outcomeRow(ctx, subject, end, owner.id);
    out.outcomes.push(outcome.row);
    // Half of the requested follow-ups are already booked (POST .../outcome does this).
    if (outcome.followUpDate !== null && outcome.followUpDate > now && rng.chance(0.5)) {
      const start = weekday(officeHours(outcome.followUpDate, 0, rng.int(0, 28)));
      followUps.push({
        ...spec,
        type: 'follow-up',
        start,
        followUpOf: id,
        deals: deal ? [deal] : [],
      });
    }
  };

  for (let i = 0; i < count; i++) {
    const owner = pickOwner(ctx);
    const type = rng.weighted<EventType>([
      ['meeting', 30],
      ['call', 25],
      ['demo', 15],
      ['follow-up', 15],
      ['internal', 10],
      ['personal', 5],
    ]);
    // Alternate past and future so both halves of the month view are populated.
    const days = i % 2 === 0 ? -rng.int(0, 30) : rng.int(0, 30);
    const mine = contacts.filter((c) => !c.deleted && c.owner.id === owner.id);
    const contact = EXTERNAL.includes(type) && mine.length > 0 ? rng.pick(mine) : null;
    const start = weekday(officeHours(now, days, rng.int(0, 28)));
    addEvent({
      owner,
      type,
      start,
      contact,
      deals: contact ? (dealsByContact.get(contact.id) ?? []) : [],
      followUpOf: null,
    });
  }
  for (const spec of followUps) addEvent(spec);
  return {
    events: out.events,
    attendees: [...out.people.attendees.values()],
    eventAttendees: out.people.links,
    preparations: out.preparations,
    outcomes: out.outcomes,
    insights: out.insights,
  };
}

function statusOf(ctx: DemoContext, start: number, end: number, external: boolean): EventStatus {
  const { rng, now } = ctx;
  if (end <= now) {
    if (!external) return rng.chance(0.9) ? 'completed' : 'cancelled';
    return rng.weighted<EventStatus>([
      ['completed', 75],
      ['cancelled', 12],
      ['no-show', 13],
    ]);
  }
  if (start <= now) return 'confirmed';
  return rng.weighted<EventStatus>([
    ['scheduled', 50],
    ['confirmed', 45],
    ['cancelled', 5],
  ]);
}

/** Moves Saturday and Sunday to Monday: nobody books a demo for the weekend. */
function weekday(ms: number): number {
  const day = new Date(ms).getUTCDay();
  return day === 6 ? ms + 2 * DAY : day === 0 ? ms + DAY : ms;
}
