import type { AttendeeStatus, CalendarEventStatus } from '@flow/contracts';
import ical, { ICalAttendeeStatus, ICalEventStatus } from 'ical-generator';
import type { CalendarEventRow } from '../../db/schema';
import type { AttendeeRow } from './parts';

/** The iCalendar feed (RFC 5545) calendar apps subscribe to; times are written in UTC. */

const ANSWER: Record<AttendeeStatus, ICalAttendeeStatus> = {
  accepted: ICalAttendeeStatus.ACCEPTED,
  declined: ICalAttendeeStatus.DECLINED,
  pending: ICalAttendeeStatus.NEEDSACTION,
  tentative: ICalAttendeeStatus.TENTATIVE,
};

/** Only a confirmed (or already held) meeting is firm; a merely scheduled one is tentative. */
const STATUS: Record<CalendarEventStatus, ICalEventStatus> = {
  scheduled: ICalEventStatus.TENTATIVE,
  confirmed: ICalEventStatus.CONFIRMED,
  completed: ICalEventStatus.CONFIRMED,
  'no-show': ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
};

export interface FeedInput {
  ownerName: string;
  /** The owner's zone, as a display hint for clients (X-WR-TIMEZONE). */
  timezone: string;
  rows: readonly CalendarEventRow[];
  attendees: ReadonlyMap<string, readonly AttendeeRow[]>;
  now: Date;
}

export function buildFeed({ ownerName, timezone, rows, attendees, now }: FeedInput): string {
  const calendar = ical({
    name: `Flow CRM — ${ownerName}`,
    prodId: { company: 'Flow CRM', product: 'Calendar', language: 'EN' },
    // Clients poll a subscribed feed; an hour keeps it fresh without hammering the server.
    ttl: 60 * 60,
    x: { 'X-WR-TIMEZONE': timezone },
  });
  for (const row of rows) {
    const details = [
      row.description,
      row.contact_name
        ? `With ${row.contact_name}${row.contact_company ? ` (${row.contact_company})` : ''}`
        : '',
      row.meeting_link ? `Join: ${row.meeting_link}` : '',
    ].filter(Boolean);
    calendar.createEvent({
      // Stable per event, so an update replaces the entry in the subscriber's calendar.
      id: `${row.id}@flow-crm`,
      start: new Date(row.start_time),
      end: new Date(row.end_time),
      stamp: now,
      created: new Date(row.created_at),
      lastModified: new Date(row.updated_at),
      summary: row.title,
      ...(details.length ? { description: details.join('\n\n') } : {}),
      ...(row.location ? { location: row.location } : {}),
      ...(row.meeting_link ? { url: row.meeting_link } : {}),
      status: STATUS[row.status],
      categories: [{ name: row.type }],
      attendees: (attendees.get(row.id) ?? [])
        .filter((a) => a.email)
        .map((a) => ({ name: a.name, email: a.email!, status: ANSWER[a.status] })),
    });
  }
  return calendar.toString();
}
